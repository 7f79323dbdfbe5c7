/**
 * Text compared the way officials read it: without case or diacritics, so "Nông, LÂM
 * nghiệp", "nong, lam nghiep" and "Nông, lâm nghiêp" (a tone typo) compare equal.
 */

/** No diacritics, lower case; đ (which has no decomposition) and its look-alike ð become d. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[đð]/g, 'd');
}
