import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { getSessionFromHeaders } from "./session";

/** The session of the request being rendered (React Server Components, route handlers), read once per request. */
export const getCurrentSession = cache(async () => getSessionFromHeaders(await headers()));
