/**
 * Where a body too large for one Lambda response goes: stored under a key that names what
 * it is, then fetched by the client from a time-limited URL (S3 and a presigned URL on AWS,
 * the data folder and a signed local route on one machine).
 */

export interface LargeBody {
  bytes: Uint8Array;
  contentType: string;
  /** The name the browser saves it under; none for a body read in place (JSON). */
  fileName?: string;
}

export interface LargeBodyStore {
  /** Stores the body under the key, replacing what the key held. */
  put(key: string, body: LargeBody): Promise<void>;
  /** A URL that serves the key's body, with its type and name, for a short while only. */
  signedUrl(key: string): Promise<string>;
}

/** How long a signed URL serves its body: long enough to start a download, no longer. */
export const LARGE_BODY_URL_SECONDS = 15 * 60;
