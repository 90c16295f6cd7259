// Two-factor sign-in in the browser: a person sets it up from their account page (the secret read
// off the page, the code computed as their phone would), signs out, signs in again and is asked for
// an authentication code; an admin then turns it off for them, as for someone who lost their phone.
import { randomBytes } from "node:crypto";
import { generate } from "otplib";
import { signIn } from "../testing/session";
import { connect } from "../testing/trpc";
import { expect, test } from "./fixtures";

/** The code an authenticator app shows `steps` 30-second steps from now. */
const codeAt = (secret: string, steps: number) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });

test("setting up two-factor sign-in, then signing in with an authentication code", async ({ page, signedInPage, server }) => {
  const admin = connect(server.url, { cookie: await signIn(server.url, "admin@example.com", "admin") });
  const person = { name: `Tess ${randomBytes(3).toString("hex")}`, email: `tess-${randomBytes(4).toString("hex")}@example.com`, password: "tess-password" };
  await admin.client.admin.people.create.mutate({ ...person, role: "agent" });

  // From the header's user area to the account page.
  const me = await signedInPage(person.email, person.password);
  await me.goto("/inbox");
  await me.getByRole("banner").getByRole("link", { name: "Account", exact: true }).click();
  await expect(me).toHaveURL(/\/account\/security$/);
  await expect(me.getByRole("heading", { name: "Account security" })).toBeVisible();

  await me.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  await expect(me.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  const secret = ((await me.getByLabel("Secret key").textContent()) ?? "").trim();
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  // A wrong code is refused, with the field marked.
  const code = me.getByRole("textbox", { name: "Authentication code" });
  await code.fill("000000");
  await code.press("Enter");
  const setupForm = me.getByRole("form", { name: "Confirm two-factor sign-in" });
  await expect(setupForm.getByRole("alert")).toContainText("Authentication code: that code is wrong");
  await expect(code).toHaveAttribute("aria-invalid", "true");
  await code.fill(await codeAt(secret, 0));
  await code.press("Enter");

  const recoveryCodes = me.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(recoveryCodes).toHaveCount(10);
  await expect(recoveryCodes.first()).toHaveText(/^[0-9a-z]{4}(-[0-9a-z]{4}){3}$/);
  await me.getByRole("button", { name: "I have saved my recovery codes" }).click();
  await expect(me.getByText("Two-factor sign-in is on.")).toBeVisible();
  await expect(recoveryCodes).toHaveCount(0);

  await me.getByRole("button", { name: "Sign out" }).click();
  await expect(me).toHaveURL(/\/login/);

  // Signing in: the password first, then the code the app shows (the next step's: this one was used).
  await page.goto("/login");
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  const prompt = page.getByRole("textbox", { name: "Authentication code" });
  await expect(prompt).toBeVisible();
  await expect(prompt).toBeFocused();
  await expect(page.getByLabel("Password")).toHaveCount(0);
  await prompt.fill("000000");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText(/^Wrong authentication code\./);
  await prompt.fill(await codeAt(secret, 1));
  await prompt.press("Enter");
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(page.getByRole("navigation", { name: "Conversations" })).toBeVisible();

  // The admin turns it off for them on the People page; their session ends.
  const adminPage = await signedInPage("admin@example.com", "admin");
  await adminPage.goto("/admin/people");
  const row = adminPage.getByRole("row").filter({ has: adminPage.getByRole("rowheader", { name: person.name }) });
  await expect(row.getByRole("cell", { name: "On", exact: true })).toBeVisible();
  await row.getByRole("button", { name: `Turn off two-factor sign-in of ${person.name}` }).click();
  await expect(row.getByRole("cell", { name: "Off", exact: true })).toBeVisible();
  // Their open tab goes to the sign-in page by itself (navigating it here raced that redirect).
  await expect(page).toHaveURL(/\/login/, { timeout: 15_000 });
  admin.close();
});

test("an admin cannot require two-factor sign-in for everyone before using it", async ({ signedInPage }) => {
  const admin = await signedInPage("admin@example.com", "admin");
  await admin.goto("/admin");
  await admin.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Security" }).click();
  const required = admin.getByRole("checkbox", { name: "Require two-factor sign-in for everyone" });
  await expect(required).not.toBeChecked();
  await required.focus();
  await admin.keyboard.press("Space");
  await expect(admin.getByRole("region", { name: "Two-factor sign-in" }).getByRole("alert")).toHaveText("Turn on two-factor sign-in for yourself first, under Account security");
  await expect(required).not.toBeChecked();
});
