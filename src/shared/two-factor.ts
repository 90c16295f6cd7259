// What the server and the pages agree on about two-factor sign-in.

/**
 * Errors the sign-in endpoint reports (next-auth passes authorize()'s error text back to the form):
 * the password was right and a code is needed, or the code given was wrong.
 */
export const SIGN_IN_CODE_REQUIRED = "TwoFactorRequired";
export const SIGN_IN_CODE_WRONG = "TwoFactorInvalid";

/** Where a signed-in person turns two-factor sign-in on or off. */
export const ACCOUNT_SECURITY_PATH = "/account/security";

/** How many recovery codes a person gets at once (all earlier ones stop working). */
export const RECOVERY_CODE_COUNT = 10;

/** A code from an authenticator app: six digits, spaces allowed as apps show "123 456". */
export const isTotpCode = (code: string) => /^\d{6}$/.test(code.replace(/\s/g, ""));
