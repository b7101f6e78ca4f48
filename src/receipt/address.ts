/** Address lines: street words in the lexicon's countries, postcodes, a trailing comma. */

export const ADDRESS =
  /\b(jalan|jln|lorong|lot|taman|tmn|persiaran|bandar|kampung|kg|street|st|road|rd|avenue|ave|lane|ln|drive|dr|blvd|boulevard|way|highway|suite|ste|floor|fl|level|unit|block|blk|building|plaza|mall|centre|center|park|industrial|perindustrian|pusat|stra(ss|ß)e|str|platz|weg|gasse|rue|avenue|boulevard|chemin|place|calle|avenida|via|piazza|ulica|ul|utca|iela|gatan|gade|gate|katu|tee|gatve|cesta|odos|sokak|cadde|caddesi|mahallesi|mah|duong|selangor|kuala|lumpur|johor|penang|pulau|perak|kedah|melaka|sabah|sarawak|pahang|darul|ehsan|takzim|wilayah|persekutuan|singapore|malaysia)\b|(stra(ss|ß)e|straat|gasse|weg|platz|gatan|gade|veien|vegen|katu|utca|iela)(?![\p{L}])|\b\d{5}\b|\b\d{2}-\d{3}\b|\b\d{3} \d{2}\b|\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b|\b[A-Z]{2} \d{5}(-\d{4})?\b|^no\.?\s?\d|,\s*$/iu;

// Postcodes the pattern above, being case-blind, cannot hold: Dutch "3562 AB Utrecht" (two capitals and the town)
// and Portuguese "2615-082 Alverca" (with its town: "1300-888 123" is a phone number).
const POSTCODE = /\b\d{4} ?[A-Z]{2}\s+\p{Lu}|\b\d{4}-\d{3}\s+\p{Lu}\p{Ll}/u;

export const looksLikeAddress = (line: string) => ADDRESS.test(line) || POSTCODE.test(line);

/** Where a Dutch or Portuguese postcode before its town starts on the line (-1 where there is none). */
export const townPostcodeAt = (line: string) => line.search(POSTCODE);

/** The line without a Dutch postcode's letters, which can read as a legal form ("3811 CV Amersfoort" is no C.V.). */
export const withoutPostcodeLetters = (line: string) => line.replace(/\b(\d{4}) ?[A-Z]{2}(?=\s+\p{Lu})/gu, '$1');
