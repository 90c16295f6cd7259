// TOTP (RFC 6238) through otplib: 30-second steps, six digits, SHA-1 — what every authenticator
// app reads from a QR code. A code is accepted for one step either side of now, so a phone whose
// clock is a little off, or a code typed just as it changed, still works.
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";

const ISSUER = "Switchboard";
/** Seconds either side of now in which a code still counts: one 30-second step. */
const TOLERANCE_SECONDS = 30;

export const newTotpSecret = (): string => generateSecret();

export const totpUri = (email: string, secret: string): string => generateURI({ issuer: ISSUER, label: email, secret });

/** The QR code of an otpauth:// URI, as an SVG document (no image files, no external requests). */
export const qrCodeSvg = (uri: string): Promise<string> => QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });

/**
 * The time step `code` belongs to, or null when it is not a current code of `secret`. The caller
 * refuses a step it has already accepted (replay).
 */
export async function totpStepOf(secret: string, code: string): Promise<number | null> {
  const token = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  try {
    const result = await verify({ secret, token, epochTolerance: TOLERANCE_SECONDS });
    // The functional API answers for HOTP too; a TOTP result carries its time step.
    return result.valid && "timeStep" in result ? result.timeStep : null;
  } catch {
    // A malformed stored secret must read as "wrong code", never as an error page.
    return null;
  }
}
