/**
 * The version of the terms of service and privacy policy (/terms, /privacy) that sign-up asks to accept. Change
 * it whenever either page changes materially; each user row records the version they accepted and when.
 */
export const TERMS_VERSION = "2026-11-29";
