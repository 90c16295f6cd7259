// The dashboard in the person's language: a Brazilian browser is greeted in Portuguese before
// signing in and after; the person picks Español from the Language menu in the header, the page is
// drawn again in Spanish, and their choice follows them to a browser that asks for English. Dates,
// a photo's line in the list and what the server refuses follow the language too.
import { randomBytes } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { signIn } from "../testing/session";
import { connect } from "../testing/trpc";
import { DEFAULT_PHONE_NUMBER_ID, imageMessage, postWebhook } from "../testing/webhook";
import { expect, test } from "./fixtures";

async function browserIn(browser: Browser, baseURL: string, locale: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale });
  return context.newPage();
}

test("a Brazilian browser gets Portuguese; the person picks Spanish, and it follows them", async ({ browser, server, sendWebhook, uniquePhone }) => {
  const admin = connect(server.url, { cookie: await signIn(server.url, "admin@example.com", "admin") });
  const tag = randomBytes(3).toString("hex");
  const person = { name: `Lia ${tag}`, email: `lia-${tag}@example.com`, password: "lia-password-1" };
  const created = await admin.client.admin.people.create.mutate({ ...person, role: "agent" });
  const inbox = (await admin.client.admin.inboxes.list.query()).find((candidate) => candidate.phoneNumberId === DEFAULT_PHONE_NUMBER_ID)!;
  await admin.client.admin.inboxes.setMembers.mutate({ inboxId: inbox.id, userIds: [...inbox.memberIds, created.id] });
  const customer = `Cliente ${tag}`;
  const threeDaysAgo = new Date(Date.now() - 3 * 86_400_000);
  await sendWebhook({ from: uniquePhone(), name: customer, text: "Olá, meu pedido chegou?", timestamp: String(Math.floor(threeDaysAgo.getTime() / 1000)) });
  // A photo from another customer: the list says what it is in the reader's language.
  const photographer = `Fotógrafa ${tag}`;
  const photo = { id: `9${Date.now()}`, mimeType: "image/jpeg", sha256: "not-fetched-in-this-test" };
  const delivered = await postWebhook(server.url, server.appSecret, imageMessage({ media: photo, caption: "A caixa chegou amassada", from: uniquePhone(), name: photographer }));
  expect(delivered.status).toBe(200);

  const page = await browserIn(browser, server.url, "pt-BR");
  try {
    // Before signing in: the browser's language.
    await page.goto("/login");
    await expect(page.locator("html")).toHaveAttribute("lang", "pt-BR");
    await expect(page.getByRole("heading", { name: "Entrar no Switchboard" })).toBeVisible();
    await page.getByRole("textbox", { name: "E-mail" }).fill(person.email);
    await page.getByLabel("Senha").fill(person.password);
    await page.getByRole("button", { name: "Entrar" }).click();
    await expect(page).toHaveURL(/\/inbox/);

    // The inbox in Portuguese, its dates too.
    await expect(page.getByRole("navigation", { name: "Conversas" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Conversas" }).getByRole("link", { name: new RegExp(photographer) })).toContainText("📷 Foto: A caixa chegou amassada");
    await expect(page.getByRole("group", { name: "Atribuídas a" }).getByRole("button", { name: /Minhas/ })).toBeVisible();
    await page.getByRole("searchbox", { name: "Pesquisar conversas" }).fill(photographer);
    await expect(page.getByRole("list", { name: "Resultados da pesquisa" }).getByRole("link", { name: new RegExp(photographer) })).toContainText("📷 Foto: A caixa chegou amassada");
    await page.getByRole("searchbox", { name: "Pesquisar conversas" }).fill(customer);
    const result = page.getByRole("list", { name: "Resultados da pesquisa" }).getByRole("link", { name: new RegExp(customer) });
    await expect(result.locator("time")).toHaveText(/^\d{1,2} de [a-zç]{3,4}\.?( de \d{4})?$/);
    await result.click();
    await expect(page.getByRole("log", { name: "Mensagens" })).toContainText("Olá, meu pedido chegou?");
    // Three days of silence: WhatsApp's window is closed, said with a plural in Portuguese.
    await expect(page.getByText("O cliente escreveu por último há 3 dias.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Atribuir a mim" })).toBeVisible();

    // The person picks Español from the header; the page speaks it at once, and after a reload.
    await page.getByRole("combobox", { name: "Idioma" }).selectOption({ label: "Español" });
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await expect(page.getByRole("searchbox", { name: "Buscar conversaciones" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Asignarme" })).toBeVisible();
    await page.reload();
    await expect(page.getByText("El cliente escribió por última vez hace 3 días.")).toBeVisible();
    await expect(page.getByRole("button", { name: /Plantillas/ }).first()).toBeVisible();
    await expect(page.getByRole("link", { name: "Informes" })).toBeVisible();

    // Another browser that asks for English: the person's choice wins.
    const elsewhere = await browserIn(browser, server.url, "en-US");
    const cookie = await signIn(server.url, person.email, person.password);
    await elsewhere.context().addCookies(
      cookie.split("; ").map((pair) => {
        const [name, ...value] = pair.split("=");
        return { name: name!, value: value.join("="), url: server.url };
      }),
    );
    await elsewhere.goto("/inbox");
    await expect(elsewhere.getByRole("navigation", { name: "Conversaciones" })).toBeVisible();
    await expect(elsewhere.getByRole("searchbox", { name: "Buscar conversaciones" })).toBeVisible();
    await elsewhere.context().close();
  } finally {
    await page.context().close();
    admin.close();
  }
});

test("someone who never chose follows their browser: Spanish asks get Spanish", async ({ browser, server }) => {
  const page = await browserIn(browser, server.url, "es-MX");
  try {
    await page.goto("/login");
    await expect(page.getByRole("heading", { name: "Inicia sesión en Switchboard" })).toBeVisible();
    await page.getByRole("textbox", { name: "Correo electrónico" }).fill("nobody@example.com");
    await page.getByLabel("Contraseña").fill("wrong-password");
    await page.getByRole("button", { name: "Iniciar sesión" }).click();
    await expect(page.getByText("Correo o contraseña incorrectos.")).toBeVisible();
  } finally {
    await page.context().close();
  }
});

test("what the server refuses is said in the person's language, and marks the field it is about", async ({ browser, server }) => {
  const admin = connect(server.url, { cookie: await signIn(server.url, "admin@example.com", "admin") });
  const tag = randomBytes(3).toString("hex");
  const person = { name: `Bia ${tag}`, email: `bia-${tag}@example.com`, password: "bia-password-1" };
  await admin.client.admin.people.create.mutate({ ...person, role: "admin" });
  const taken = (await admin.client.admin.inboxes.list.query()).find((candidate) => candidate.phoneNumberId === DEFAULT_PHONE_NUMBER_ID)!;
  admin.close();

  const page = await browserIn(browser, server.url, "pt-BR");
  try {
    await page.goto("/login");
    await page.getByRole("textbox", { name: "E-mail" }).fill(person.email);
    await page.getByLabel("Senha").fill(person.password);
    await page.getByRole("button", { name: "Entrar" }).click();
    await expect(page).toHaveURL(/\/inbox/);

    // A form the server checks (input): the sentence in Portuguese, the field it names marked.
    await page.goto("/admin/people");
    const add = page.getByRole("form", { name: "Adicionar uma pessoa" });
    await add.getByRole("textbox", { name: "Nome" }).fill("Caio");
    await add.getByRole("textbox", { name: "E-mail" }).fill("isto não é um e-mail");
    await add.getByLabel("Senha").fill("long-enough-password");
    await add.getByRole("button", { name: "Adicionar pessoa" }).click();
    await expect(add.getByRole("alert")).toHaveText("E-mail: não é um endereço de e-mail válido");
    await expect(add.getByRole("textbox", { name: "E-mail" })).toHaveAttribute("aria-invalid", "true");
    await expect(add.getByRole("textbox", { name: "Nome" })).not.toHaveAttribute("aria-invalid", "true");

    // A refusal from the service itself (a conflict with what is stored), with its values.
    await page.goto("/admin/inboxes");
    const inboxForm = page.getByRole("form", { name: "Adicionar uma caixa de entrada" });
    await inboxForm.getByRole("textbox", { name: "Nome da caixa de entrada" }).fill(`Vendas ${tag}`);
    await inboxForm.getByRole("textbox", { name: "ID do número de telefone" }).fill(DEFAULT_PHONE_NUMBER_ID);
    await inboxForm.getByRole("button", { name: "Adicionar caixa de entrada" }).click();
    await expect(inboxForm.getByRole("alert")).toHaveText(`ID do número de telefone: ${DEFAULT_PHONE_NUMBER_ID} já é a caixa de entrada “${taken.name}”`);
    await expect(inboxForm.getByRole("textbox", { name: "ID do número de telefone" })).toHaveAttribute("aria-invalid", "true");

    // The person switches to Spanish: the same refusal, now in Spanish.
    await page.getByRole("combobox", { name: "Idioma" }).selectOption({ label: "Español" });
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    const spanishForm = page.getByRole("form", { name: "Añadir una bandeja de entrada" });
    await spanishForm.getByRole("textbox", { name: "Nombre de la bandeja de entrada" }).fill(`Ventas ${tag}`);
    await spanishForm.getByRole("textbox", { name: /ID del número/ }).fill("12");
    await spanishForm.getByRole("button", { name: /Añadir/ }).click();
    await expect(spanishForm.getByRole("alert")).toHaveText("ID del número de teléfono: solo dígitos, como lo muestra el WhatsApp Manager de Meta");
  } finally {
    await page.context().close();
  }
});
