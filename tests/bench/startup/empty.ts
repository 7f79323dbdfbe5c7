/** The floor under `npx tsx infra/local/main.ts`: npx and tsx starting a script that does nothing. */
export {};
