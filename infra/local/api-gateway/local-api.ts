/**
 * The identity the local API Gateway presents in events and ARNs. Fixed, obviously fake
 * values, so nothing built locally can be mistaken for a deployed resource.
 */
export const LOCAL_API = {
  region: 'local',
  accountId: '000000000000',
  apiId: 'local',
  stage: 'local',
} as const;

/** API Gateway rejects larger request payloads with 413 before any integration runs. */
export const MAX_REQUEST_BODY_BYTES = 10 * 1024 * 1024;

/** API Gateway's maximum integration timeout for REST APIs (the default quota). */
export const INTEGRATION_TIMEOUT_MS = 29_000;
