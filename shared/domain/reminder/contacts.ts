/**
 * Contact addresses: where an agency's reminders go (its official mailboxes), and a
 * person's own address. Validated where they enter (admin routes, the people page, the
 * token command), stored as given.
 */
import * as z from 'zod';

/** An agency keeps a few official mailboxes, not a mailing list. */
export const MAX_AGENCY_ADDRESSES = 10;

export const emailAddressSchema = z
  .email('phải là một địa chỉ thư điện tử, ví dụ vanthu@langson.gov.vn')
  .max(254, 'dài quá 254 ký tự')
  .meta({ example: 'vanthu.sonnmt@langson.gov.vn' });

export const agencyAddressesSchema = z
  .array(emailAddressSchema)
  .max(MAX_AGENCY_ADDRESSES, `tối đa ${MAX_AGENCY_ADDRESSES} địa chỉ`)
  .refine(
    (addresses) => new Set(addresses.map(foldAddress)).size === addresses.length,
    'có địa chỉ bị lặp lại',
  )
  .meta({
    description: `The agency's contact addresses (reminders and escalations go there), at most ${MAX_AGENCY_ADDRESSES}; the list replaces the one before`,
  });

/** Addresses compare without case: `VanThu@…` and `vanthu@…` reach one mailbox. */
export function foldAddress(address: string): string {
  return address.trim().toLowerCase();
}

/** The addresses, each once (the first spelling kept), in the order given. */
export function distinctAddresses(addresses: readonly string[]): string[] {
  const seen = new Set<string>();
  return addresses.filter((address) => {
    const folded = foldAddress(address);
    if (seen.has(folded)) return false;
    seen.add(folded);
    return true;
  });
}
