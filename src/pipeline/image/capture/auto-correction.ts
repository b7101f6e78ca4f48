import type { PageCorrection } from '../../../protocol';

/** What a photo gets when nobody has said otherwise: its sheet found and straightened. */
export const AUTO_CORRECTION: PageCorrection = { corners: 'auto', rotation: 0 };
