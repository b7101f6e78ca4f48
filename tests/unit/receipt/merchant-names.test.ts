import { describe, expect, it } from 'vitest';
import { extractReceipt } from '../../../src/receipt/extract';
import { correctNameWords } from '../../../src/receipt/name-words';

const merchant = (...header: string[]) => extractReceipt([...header, 'DATE 01/02/2024', 'TOTAL 5.00'].join('\n'), { dateOrder: 'auto' }).merchantName;

describe('business words misread by OCR', () => {
  it('puts back a long business word within a third of its length', () => {
    expect(correctNameWords('SUNRISE CONFECTONERY')).toBe('SUNRISE CONFECTIONERY');
    expect(correctNameWords('ORCHID HARDWAER TRADNG')).toBe('ORCHID HARDWARE TRADING');
  });

  it('leaves right words, short words, lower-case words and ambiguous ones alone', () => {
    expect(correctNameWords('GOLDEN BAKERS')).toBe('GOLDEN BAKERS');
    expect(correctNameWords('ACME MARKETING')).toBe('ACME MARKETING');
    expect(correctNameWords('PART')).toBe('PART');
    expect(correctNameWords('Harlware')).toBe('Harlware');
    expect(correctNameWords('STATION')).toBe('STATION');
  });

  it('puts back glyphs OCR confuses, but leaves an English word that needs other letters', () => {
    expect(correctNameWords('BINTANG HARLIWARE')).toBe('BINTANG HARDWARE');
    expect(correctNameWords('PINE FOREST CAFE')).toBe('PINE FOREST CAFE');
    expect(correctNameWords('GOLDEN STOVES')).toBe('GOLDEN STOVES');
    // Other forms of a name word are words too, not misreadings of it.
    expect(correctNameWords('ACE SUPPLIER')).toBe('ACE SUPPLIER');
    expect(correctNameWords('LIM BROTHER')).toBe('LIM BROTHER');
    expect(correctNameWords('ORCHID TRADINC')).toBe('ORCHID TRADING');
  });
});

describe('legal names', () => {
  it('takes the legal name with "SB" over a mall printed above it, and stops at its registration number', () => {
    expect(merchant('THANK YOU FOR SHOPPING', 'CITY POINT MALL', 'ZENITH RETAIL SB(123456-X) FKA OLD NAME SB')).toBe('ZENITH RETAIL SB');
  });

  it('reads any misread "SDN BHD" as such, and not a family firm\'s "SON"', () => {
    expect(merchant('KOTA JAYA SDN HHU')).toBe('KOTA JAYA SDN BHD');
    expect(merchant('Kota Jaya 5dn Bhd')).toBe('Kota Jaya SDN BHD');
    expect(merchant('KOTA JAYA SON . BHD.')).toBe('KOTA JAYA SDN. BHD.');
    expect(merchant('SMITH & SON AND CO')).toBe('SMITH & SON AND CO');
  });
});

describe('totals that cannot be trusted', () => {
  const read = (...lines: string[]) => extractReceipt(['GREEN LEAF TRADING', 'DATE 01/02/2024', ...lines].join('\n'), { dateOrder: 'auto' });

  it('a tax-rate breakdown line is not the total', () => {
    expect(read('BREAD 4.20', 'Total 0% supplies: 4.20', 'Total Payable: 4.20').total).toBe(4.2);
  });

  it('a payable total whose decimal point OCR lost is unknown, not another number', () => {
    expect(read('BREAD 4.20', 'MILK 3.10', 'Total 0% supplies: 4.20', 'Total 6% supplies: 3.10', 'Total Payable: 780').total).toBeNull();
  });

  it('a receipt in a currency without cents keeps its whole total', () => {
    expect(read('RAMEN 980', 'GYOZA 450', 'TOTAL 1430').total).toBe(1430);
  });
});

describe('OCR slips in shop names', () => {
  it('puts back M for N in a short shop word, and nothing else', () => {
    expect(correctNameWords('7 STAR NART')).toBe('7 STAR MART');
    expect(correctNameWords('MIMI CART')).toBe('MIMI CART');
  });

  it('joins a known word OCR split in two', () => {
    expect(correctNameWords('PINE STATIONER Y & GIFTS')).toBe('PINE STATIONERY & GIFTS');
    expect(correctNameWords('ACE PRINTING A ONE')).toBe('ACE PRINTING A ONE');
  });

  it('joins a known word OCR split in two and misread in one letter, but not two words right on their own', () => {
    expect(correctNameWords('ROSE CONF ECTLONERY & CAKES')).toBe('ROSE CONFECTIONERY & CAKES');
    expect(correctNameWords('HARD WARE CITY')).toBe('HARDWARE CITY');
    expect(correctNameWords('MEGA HARD CORNER')).toBe('MEGA HARD CORNER');
    // "SUPPLYIES" would be one edit from SUPPLIES, but SUPPLY is a word as printed.
    expect(correctNameWords('ACE SUPPLY IES')).toBe('ACE SUPPLY IES');
    expect(correctNameWords('KEDAI RUNCIT MAJU')).toBe('KEDAI RUNCIT MAJU');
  });

  it('keeps a rightly read "SDN. BHD." as printed', () => {
    expect(merchant('TOKO MAKMUR SDN. BHD.')).toBe('TOKO MAKMUR SDN. BHD.');
    expect(merchant('Toko Makmur Sdn Bhd')).toBe('Toko Makmur Sdn Bhd');
    expect(merchant('TOKO MAKMUR SON BHD')).toBe('TOKO MAKMUR SDN BHD');
  });
});

describe('the name among the header lines', () => {
  it('skips greetings and documents, rejoins a split name and drops its registration number', () => {
    expect(merchant('WELCOME', 'TAX INVOICE', 'PELANGI CONFECTIONERY &', 'BAKERY S/B (765432-K)', 'NO. 3, JALAN BUNGA 2', 'TEL: 03-1234 5678')).toBe('PELANGI CONFECTIONERY & BAKERY S/B');
  });

  it('does not take a brand above into a legal name whose own words are initials ("K&L")', () => {
    expect(merchant('SUNNY BAKES', 'K&L VENTURE SDN BHD (123456-X)', 'NO. 5, JALAN MAWAR')).toBe('K&L VENTURE SDN BHD');
    expect(merchant('SUNNY BAKES', 'SDN BHD (123456-X)', 'NO. 5, JALAN MAWAR')).toBe('SUNNY BAKES SDN BHD');
  });

  it('prefers the legal name to the brand above it, not an address or GST line', () => {
    expect(merchant('SUNNY BREW', 'SUNNY BREW HOLDINGS SDN BHD', '(1122334-T)', 'LOT 5, JALAN IPOH', 'GST ID: 001122334455')).toBe('SUNNY BREW HOLDINGS SDN BHD');
  });

  it("takes the company under a shop's name on its own, where it is a name of its own and not the end of the shop's", () => {
    expect(merchant('Bageriet Solsikken', 'Solsikken ApS', 'Nørregade 4, 5000 Odense C')).toBe('Solsikken ApS');
    expect(merchant('KAHVILA KANERVA', 'Kanervan Herkku Oy', 'Kauppakatu 3, 40100 Jyväskylä')).toBe('Kanervan Herkku Oy');
    expect(merchant('MIRA HARDWARE ENTERPRISE', '(TAMAN JAYA) SDN BHD', 'NO. 2, JALAN SS2/1')).toBe('MIRA HARDWARE ENTERPRISE (TAMAN JAYA) SDN BHD');
  });

  it('takes no county, postcode or branch number for a name', () => {
    expect(merchant('Welcome to', 'THE FOX & FIDDLE', 'Quay Road, Dingle, Co. Kerry', 'VAT Reg. No. IE 1234567X')).toBe('THE FOX & FIDDLE');
    expect(merchant('BUURTWINKEL', 'Filiaal 0233 Zwolle', '8011 AB Zwolle')).toBe('BUURTWINKEL');
    expect(merchant('KIOSKEN', 'Butikk 0415 Tromsø Sentrum', 'Storgata 1, 9008 Tromsø')).toBe('KIOSKEN');
    expect(merchant('POSTO SOL', '4710-249 Braga')).toBe('POSTO SOL');
  });

  it('reads French professional forms as legal forms', () => {
    expect(merchant('PHARMACIE DES TILLEULS', 'SELARL Pharmacie Moreau', '3 rue des Lilas, 69003 Lyon')).toBe('SELARL Pharmacie Moreau');
  });

  it('joins a name whose quote opens on one line and closes on the next', () => {
    expect(merchant('UAB ,Miesto ir kaimo', 'prekybos namai"', 'Taikos pr. 1, Klaipėda')).toBe('UAB „Miesto ir kaimo prekybos namai"');
  });

  it('puts back an accented o read as 6 at the end of a word', () => {
    expect(merchant('Fonda Miquel Restauraci6 S.L.', 'Carrer Nou 3, Girona')).toBe('Fonda Miquel Restauracio S.L.');
    expect(merchant('STUDIO 6 SDN BHD')).toBe('STUDIO 6 SDN BHD');
  });

  it('joins a company over two lines: its legal form alone on the second, a firm\'s description on the first, or a comma before the form', () => {
    expect(merchant('OSTERIA DEL PONTE', 'Del Ponte di Bassi Marco', '& C. s.n.c.', 'Via Roma 3, 50100 Firenze')).toBe('Del Ponte di Bassi Marco & C. s.n.c.');
    expect(merchant('Przedsiębiorstwo Handlowo-Usługowe', '„Bursztyn” Sp. z o.o.', 'ul. Morska 5, 81-001 Gdynia')).toBe('Przedsiębiorstwo Handlowo-Usługowe „Bursztyn” Sp. z o.o.');
    expect(merchant('SALÃO LUZ', 'Ana Lima Cabeleireiros,', 'Unipessoal Lda.', 'Rua Nova 12, 4000-123 Porto')).toBe('Ana Lima Cabeleireiros, Unipessoal Lda.');
  });

  it('reads a legal form OCR printed with a one for an l', () => {
    expect(merchant('MARE BLU', 'MARE BLU TIRRENO S.r.1.', 'Via Aurelia 5, 57100 Livorno')).toBe('MARE BLU TIRRENO S.r.l.');
  });

  it('goes on into a line that starts in lower case, as a company named after its owner does', () => {
    expect(merchant('TRATTORIA DA NINO', 'di Ferri Paolo & C. s.n.c.', 'Via Roma 12, 50123 Firenze')).toBe('TRATTORIA DA NINO di Ferri Paolo & C. s.n.c.');
  });
});

describe('what is printed around the name', () => {
  it("does not take a cashier's lower-case name, a stray word or a repeated logo into the name", () => {
    expect(merchant('tan mei ling', 'SUNRISE TRADING SDN BHD', '(123456-A)')).toBe('SUNRISE TRADING SDN BHD');
    expect(merchant('AIN', '77 QUICK MART S/B (123456-X) PP')).toBe('77 QUICK MART S/B');
    expect(merchant('ORCHID', 'ORCHID STATIONERY SDN BHD')).toBe('ORCHID STATIONERY SDN BHD');
  });

  it('cuts what follows the last legal form, but keeps a branch in brackets and a form printed first', () => {
    expect(merchant('EIGHT OAKS COFFEE CO. THE PARK MALL')).toBe('EIGHT OAKS COFFEE CO.');
    expect(merchant('MAJU JAYA SDN BHD (KEPONG)')).toBe('MAJU JAYA SDN BHD (KEPONG)');
    expect(merchant('SIA "Rīgas Maize"', 'Brīvības iela 1, Rīga')).toBe('SIA "Rīgas Maize"');
    expect(merchant('UAB „Saulė“', 'Gedimino pr. 1, Vilnius')).toBe('UAB „Saulė“');
  });

  it('reads a legal form printed with a zero for an O, and a low opening quote read as a comma', () => {
    expect(merchant('PIEKARNIA „Pod Dębem”', 'CHLEBEK Sp. z o.0.', 'ul. Długa 5, 80-001 Gdańsk')).toBe('CHLEBEK Sp. z o.o.');
    expect(merchant('TOMA-PEK s.r.0.', 'Hlavná 1, 811 01 Bratislava')).toBe('TOMA-PEK s.r.o.');
    expect(merchant('UAB ,Žalia pieva"', 'Vilniaus g. 3, Kaunas')).toBe('UAB „Žalia pieva"');
    // A comma with no quote after it is a comma.
    expect(merchant('Hansen, Berg & Co. AS', 'Strandgata 2, 5013 Bergen')).toBe('Hansen, Berg & Co. AS');
  });

  it('takes the line above a registration number as the name, past greetings and the end of another receipt', () => {
    expect(merchant('Z=DX 4.00 0.10', 'THANK YOU AND COME AGAIN', 'POSTEL', 'FIVE RIVERS CASH & CARRY', '(1234567-P)')).toBe('FIVE RIVERS CASH & CARRY');
    expect(merchant('Guten Morgen!', 'Bäckerei Lindner e.K.', 'Hauptstr. 3 · 10115 Berlin')).toBe('Bäckerei Lindner e.K.');
    expect(merchant('Kassierin: Maria', 'Greißlerei Moser Ges.m.b.H.')).toBe('Greißlerei Moser Ges.m.b.H.');
  });

  it('puts back the brackets OCR dropped around a branch', () => {
    expect(merchant('COSWAY (M SDN BHD')).toBe('COSWAY (M) SDN BHD');
    expect(merchant('SETIA HARDWARE ENTERPRISE (SETIA', 'ALAM ) SDN BHD', '822737-X')).toBe('SETIA HARDWARE ENTERPRISE (SETIA ALAM) SDN BHD');
  });
});

describe('the company printed below the header', () => {
  const receipt = (...lines: string[]) => extractReceipt(lines.join('\n'), { dateOrder: 'auto' }).merchantName;
  const body = ['Date 14/03/2025 11:20', 'Linen shirt 45.00', 'TOTAL 45.00', 'CARD 45.00'];

  it("is the merchant where it shares a word with the header's name", () => {
    expect(receipt('BRAMBLEWICK', 'Clothing & Home', ...body, 'Thank you for shopping with us', 'Bramblewick Retail Ltd', 'Registered in England 01234567')).toBe('Bramblewick Retail Ltd');
    // Names decline: the header's "MARTINA" is the footer's "Martinovo".
    expect(receipt('PEKÁREŇ U SV. MARTINA', 'Hlavná 3, Žilina', 'Dátum 14.03.2025 11:20', 'Rožok 0,15', 'SPOLU 0,15', 'Martinovo pečivo s.r.o.')).toBe('Martinovo pečivo s.r.o.');
  });

  it('is not where it shares no word with it, is an owner, or where two companies do', () => {
    expect(receipt('BRAMBLEWICK', 'Clothing & Home', ...body, 'Payments by Cardline Services Ltd')).toBe('BRAMBLEWICK');
    expect(receipt('BRAMBLEWICK STORE', ...body, 'Owned by:', 'BRAMBLEWICK HOLDINGS SDN BHD')).toBe('BRAMBLEWICK STORE');
    expect(receipt('BRAMBLEWICK', ...body, 'Bramblewick Retail Ltd', 'Bramblewick Property Ltd')).toBe('BRAMBLEWICK');
  });
});

describe('a name word the rest of the receipt prints again', () => {
  const receipt = (...lines: string[]) => extractReceipt(lines.join('\n'), { dateOrder: 'auto' }).merchantName;

  it('puts back a misread word the address prints twice, in the name\'s own case', () => {
    expect(receipt('KEDAI PUTIH (BUKIT MERAN) SDN BHD', 'LOT 4, JALAN 2', 'BUKIT MERAH, 31500 IPOH', 'DATE 03/04/2024', 'TOTAL 5.00', 'Thank you, Bukit Merah branch')).toBe(
      'KEDAI PUTIH (BUKIT MERAH) SDN BHD',
    );
    // A word the rest prints as the name does is right, whatever else is printed near it.
    expect(receipt('KEDAI PUTIH (BUKIT MERAH) SDN BHD', 'JALAN MERAH 2', 'BUKIT MERAN, 31500 IPOH', 'DATE 03/04/2024', 'TOTAL 5.00', 'Bukit Meran branch')).toBe(
      'KEDAI PUTIH (BUKIT MERAH) SDN BHD',
    );
    expect(receipt('Kedai Putih Sdn Bhd', 'Jalan Cempaka, Taman Cempaka', 'DATE 03/04/2024', 'TOTAL 5.00', 'Visit CEMPAKA again')).toBe('Kedai Putih Sdn Bhd');
    expect(receipt('CAHAYA GEMPAKA SDN BHD', 'Jalan Cempaka, Taman Cempaka', 'DATE 03/04/2024', 'TOTAL 5.00')).toBe('CAHAYA CEMPAKA SDN BHD');
  });

  it('leaves the name as printed against a single other reading, a far one, two near ones or a known word', () => {
    const tail = ['DATE 03/04/2024', 'TOTAL 5.00'];
    // One echo against one header word: no majority either way.
    expect(receipt('ORKIDEA BAKERY', ...tail, 'We bake every Orkidia loaf fresh')).toBe('ORKIDEA BAKERY');
    // Two letters away is another word, however often it is printed.
    expect(receipt('PUTRA STORES', 'JALAN PUTERI 3', 'TAMAN PUTERI', ...tail)).toBe('PUTRA STORES');
    // Two different words each one look-alike away: neither is chosen.
    expect(receipt('SINAR MAJU SDN BHD', 'JALAN MAJI, MAJI', 'TAMAN MAJA, MAJA', ...tail)).toBe('SINAR MAJU SDN BHD');
    // A word of the lexicon is right as printed even where the address has a look-alike of it.
    expect(receipt('ANGSANA MART', 'JALAN MARI 5, KG MARI', ...tail)).toBe('ANGSANA MART');
  });
});

describe('ordinary receipts the rules for other layouts must leave alone', () => {
  const read = (...lines: string[]) => extractReceipt(lines.join('\n'), { dateOrder: 'auto' });

  it('takes a street number or a dish numbered 11 for no legal form', () => {
    expect(read('KEDAI RUNCIT AH KOW', '11 JALAN BUNGA RAYA', '47300 PETALING JAYA', '12/03/2019', 'TOTAL 2.50')).toMatchObject({ merchantName: 'KEDAI RUNCIT AH KOW', merchantAddress: '11 JALAN BUNGA RAYA, 47300 PETALING JAYA' });
    expect(read('THE CORNER SHOP', '11 High Street', '12/03/2019', 'TOTAL 2.50').merchantName).toBe('THE CORNER SHOP');
    expect(read('Joe Bakery', 'S1 Station Road', '12/03/2019', 'TOTAL 2.50').merchantName).toBe('Joe Bakery');
  });

  it('keeps a name with a number in it, and takes no priced item line for a footer company', () => {
    expect(read('Hotel 1000', '1000 First Avenue', 'Seattle WA 98104', '05/03/2024', 'TOTAL 200.00').merchantName).toBe('Hotel 1000');
    expect(read('CAFE 1950 SDN BHD', 'NO 5 JALAN ABC', '05/03/2024', 'TOTAL 2.00').merchantName).toBe('CAFE 1950 SDN BHD');
    expect(read('PIZZA HUT', '05/03/2024', 'PIZZA HUT VOUCHER CO. 5.00', 'TOTAL 12.00').merchantName).toBe('PIZZA HUT');
  });

  it("takes a Dutch postcode's letters for no legal form ('3811 CV' is no C.V.)", () => {
    expect(read('Welkom bij', 'SUPERMARKT DE LINDE', 'Dorpsstraat 12,3811 CV Amersfoort', '05-03-2024 10:12', 'TOTAAL 12,00').merchantName).toBe('SUPERMARKT DE LINDE');
    expect(read('HEMA', 'Markt 1, 5611 CV Eindhoven', '05-03-2024 10:12', 'TOTAAL 12,00').merchantName).toBe('HEMA');
    expect(read('ALBERT HEIJN', 'MARKT 1, 5611 NV EINDHOVEN', '05-03-2024 10:12', 'TOTAAL 12,00').merchantName).toBe('ALBERT HEIJN');
    expect(read('Bakkerij de Bie, 5611 CV Eindhoven', '05-03-2024 10:12', 'TOTAAL 12,00').merchantName).not.toBeNull();
  });

  it('joins no line after a stray comma, and takes no phone number for an address', () => {
    expect(read('RESTORAN ,SRI MELAKA', 'MAKANAN ISLAM', 'NO 5 JALAN ABC', '05/03/2024', 'TOTAL 2.00').merchantName).toBe('RESTORAN ,SRI MELAKA');
    expect(read('KEDAI ABC', 'NO 5 JALAN ABC', 'Hotline 1300-888 123', '05/03/2024', 'TOTAL 2.00').merchantAddress).toBe('NO 5 JALAN ABC');
  });
});

describe('the company an "operated by" line names', () => {
  const merchant = (...lines: string[]) => extractReceipt(lines.join('\n'), { dateOrder: 'auto' }).merchantName;

  it('is the merchant, under the brand or in the footer, on its line or the next, in any language', () => {
    expect(merchant('STAZIONE ROSSA', 'Via Roma 5, 40100 Bologna', 'Gestito da: Carburanti Emiliani S.r.l.', '05/03/2024 10:12', 'TOTALE 40,00')).toBe('Carburanti Emiliani S.r.l.');
    expect(merchant('PARKHAUS MITTE', 'Betreiber:', 'Stadtpark Garagen GmbH', '05.03.2024 10:12', 'SUMME 4,00')).toBe('Stadtpark Garagen GmbH');
    expect(merchant('CAFÉ DU PORT', 'Quai Nord 2, 29200 Brest', '05/03/2024 10:12', 'TOTAL 4,00', 'Établissement exploité par', 'SARL Les Quais Bretons')).toBe('SARL Les Quais Bretons');
  });

  it("is not a cashier, a company named for its trade, or an owner's company", () => {
    expect(merchant('MAGAZIN LUNA SRL', 'Str. Mare 5, Cluj', 'Operator: Ana', '05.03.2024 10:12', 'TOTAL 12,00')).toBe('MAGAZIN LUNA SRL');
    expect(merchant('Palota Mozi Üzemeltető Kft.', 'Fő utca 5, Eger', '2024.03.05 18:00', 'Összesen 3 200 Ft')).toBe('Palota Mozi Üzemeltető Kft.');
    expect(merchant('SANYA BOOK SHOP', 'OWNED BY :', 'SANYA HOLDINGS SDN BHD', '05/03/2024', 'TOTAL 12.00')).toBe('SANYA BOOK SHOP');
  });
});

describe('operator lines that name no merchant', () => {
  const merchant = (...lines: string[]) => extractReceipt(lines.join('\n'), { dateOrder: 'auto' }).merchantName;

  it("takes no network's or till maker's company over the shop's", () => {
    expect(merchant('Zabka Polska sp. z o.o.', 'ul. Krucza 5, Poznań', 'Doładowanie 50,00', 'Operator: Orange Polska S.A.', '05.03.2024 10:12', 'SUMA PLN 50,00')).toBe('Zabka Polska sp. z o.o.');
    expect(merchant('CORNER NEWS', '12 High Street', 'MOBILE TOPUP 10.00', 'Network operator: EE Ltd', '05/03/2024 10:12', 'TOTAL 10.00')).toBe('CORNER NEWS');
    expect(merchant('S.C. ALFA COM S.R.L.', 'Str. Mare 5, Cluj', 'Operator: 3', 'Casa de marcat: Datecs SRL', '05.03.2024 10:12', 'TOTAL 12,00')).toBe('S.C. ALFA COM S.R.L.');
  });
});

describe("the shop's own name with a legal form", () => {
  const merchant = (...lines: string[]) => extractReceipt(lines.join('\n'), { dateOrder: 'auto' }).merchantName;

  it('is the merchant wherever it is printed, on an owner\'s line too, but an owner of another name is not', () => {
    expect(merchant('Kopi Pagi', 'Dimiliki oleh: Kopi Pagi Sdn Bhd 123456-X', 'No. 5 Jalan Mawar', '05/03/2024', 'TOTAL 5.00')).toBe('Kopi Pagi Sdn Bhd');
    expect(merchant('KOPI PAGI STATIONERY', 'Owned By :', 'KOPI PAGI HOLDINGS SDN BHD', '05/03/2024', 'TOTAL 5.00')).toBe('KOPI PAGI STATIONERY');
  });
});
