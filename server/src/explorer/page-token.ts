import type { Request } from 'express';
import { signDevelopmentToken } from '../auth/tokens';
import { Role } from '../entities/enums';
import { isLoopbackHostHeader } from '../http/loopback';

/** Mints the token an explorer page is loaded with. */
export type ExplorerTokenMinter = () => Promise<string>;

/** The token a page load gets, if any. */
export type PageToken = (req: Request) => Promise<string | undefined>;

/** A PLATFORM_ADMIN development token, fresh for each page load, so a page opened hours after start still signs in. */
export const developmentExplorerTokens =
  (secret: string): ExplorerTokenMinter =>
  () =>
    signDevelopmentToken(secret, { roles: [Role.PLATFORM_ADMIN], subject: 'explorer' });

/** Given only to a page asked for by its loopback name (SPEC §9): see isLoopbackHostHeader. */
export const pageToken =
  (mint: ExplorerTokenMinter | undefined): PageToken =>
  async (req) =>
    mint && isLoopbackHostHeader(req.headers.host, req.socket.localPort) ? mint() : undefined;
