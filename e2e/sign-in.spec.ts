import { expect, test } from "./fixtures";

test("signing in with the form, a wrong password first, then signing out", async ({ page }) => {
  await page.goto("/inbox");
  await expect(page).toHaveURL(/\/login/);
  // A server with a real number (the fixtures' fake Cloud API) publishes no demo passwords.
  await expect(page.getByRole("heading", { name: "Sign in to Switchboard" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Demo mode" })).toHaveCount(0);
  await page.getByLabel("Email").fill("agent@example.com");
  await page.getByLabel("Password").fill("wrong");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Wrong email or password.")).toBeVisible();

  await page.getByLabel("Password").fill("agent");
  await page.getByLabel("Password").press("Enter");
  await expect(page).toHaveURL(/\/inbox/);
  await expect(page.getByRole("navigation", { name: "Conversations" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Live");

  await page.getByRole("button", { name: /Sign out/ }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/inbox");
  await expect(page).toHaveURL(/\/login/);
});

test("a sign-in link that points at another site lands on the inbox instead", async ({ page, baseURL }) => {
  // "/<tab>/evil.example": browsers drop the tab and read "//evil.example", another site.
  await page.goto("/login?callbackUrl=%2F%09%2Fevil.example");
  await page.getByLabel("Email").fill("agent@example.com");
  await page.getByLabel("Password").fill("agent");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${baseURL}/inbox`);
  // And once signed in, the same link redirects home rather than away.
  await page.goto("/login?callbackUrl=%2F%09%2Fevil.example");
  await expect(page).toHaveURL(`${baseURL}/inbox`);
});

test("after too many wrong passwords the page says how long to wait", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("guessed-account@example.com");
  // The form's own alert (Next's route announcer is an alert too).
  const alert = page.locator("form").getByRole("alert");
  for (let guess = 0; guess < 11; guess++) {
    await page.getByLabel("Password").fill(`guess-${guess}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(alert).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }
  await expect(alert).toHaveText(/^Too many attempts\. Try again in 15 minutes\.$/);
});
