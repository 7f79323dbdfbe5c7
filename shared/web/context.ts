/** What every page is rendered with: where the app lives, who is looking, its assets. */
import type { Role } from '#shared/domain/access/caller.ts';
import type { AssetKey } from './assets.ts';

export interface Viewer {
  person: string;
  role: Role;
  agencyId: string | null;
  agencyName: string | null;
  csrfToken: string;
}

export interface PageContext {
  /** The stage prefix on an execute-api host (`/prod`), else empty. */
  base: string;
  /** The request's path within the app, for the current navigation link. */
  path: string;
  viewer: Viewer | null;
  assets: Readonly<Record<AssetKey, string>>;
}

/** A path within the app as a link: the stage prefix added. */
export const link = (ctx: PageContext, path: string): string => `${ctx.base}${path}`;

export const assetLink = (ctx: PageContext, key: AssetKey): string =>
  link(ctx, `/tai-nguyen/${ctx.assets[key]}`);

/** The form field (and htmx header) carrying the session's CSRF token. */
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';
