import { describe, expect, it } from "vitest";
import { bodyRouteOf, describeBytes, judgeBody, type BodyLimits } from "./body-limits";

const limits: BodyLimits = {
  AUTH_MAX_BODY_BYTES: 16 * 1024,
  TRPC_MAX_BODY_BYTES: 1024 * 1024,
  WEBHOOK_MAX_BODY_BYTES: 1024 * 1024,
  UPLOAD_MAX_BODY_BYTES: 100 * 1024 * 1024,
  HTTP_MAX_BODY_BYTES: 64 * 1024,
};

describe("bodyRouteOf", () => {
  it("classes a request by where Next would route it", () => {
    expect(bodyRouteOf("/api/auth/callback/credentials")).toBe("auth");
    expect(bodyRouteOf("/api/auth")).toBe("auth");
    expect(bodyRouteOf("/api/trpc/a,b?batch=1")).toBe("trpc");
    expect(bodyRouteOf("/api/webhooks/whatsapp")).toBe("webhook");
    expect(bodyRouteOf("/api/webhooks/whatsapp/x")).toBe("other");
    expect(bodyRouteOf("/api/uploads?conversationId=c1")).toBe("upload");
    expect(bodyRouteOf("/api/authx")).toBe("other");
    expect(bodyRouteOf("/login")).toBe("other");
  });

  it("resolves dot segments first, so a detour lands in the class it reaches", () => {
    expect(bodyRouteOf("/api/trpc/../auth/callback/credentials")).toBe("auth");
    expect(bodyRouteOf("/api/trpc/%2e%2e/auth/signin")).toBe("auth");
    expect(bodyRouteOf("/x/../api/webhooks/whatsapp")).toBe("webhook");
  });
});

describe("judgeBody", () => {
  it("lets a declared length up to the route's limit through, and refuses one past it with 413", () => {
    expect(judgeBody("/api/auth/signin", { "content-length": String(16 * 1024) }, limits)).toEqual({ ok: true });
    expect(judgeBody("/api/auth/signin", { "content-length": String(16 * 1024 + 1) }, limits)).toEqual({
      ok: false,
      status: 413,
      error: "Request body too large: at most 16 KiB here",
    });
    expect(judgeBody("/api/trpc/message.send", { "content-length": String(1024 * 1024) }, limits).ok).toBe(true);
    expect(judgeBody("/", { "content-length": String(64 * 1024 + 1) }, limits).ok).toBe(false);
  });

  it("refuses a body of undeclared length with 411, except on the webhook, which counts it", () => {
    expect(judgeBody("/api/trpc/message.send", { "transfer-encoding": "chunked" }, limits)).toMatchObject({ ok: false, status: 411 });
    expect(judgeBody("/api/auth/signin", { "transfer-encoding": "chunked" }, limits)).toMatchObject({ ok: false, status: 411 });
    expect(judgeBody("/api/webhooks/whatsapp", { "transfer-encoding": "chunked" }, limits)).toEqual({ ok: true });
  });

  it("lets a request without a body through", () => {
    expect(judgeBody("/api/trpc/conversation.list", {}, limits)).toEqual({ ok: true });
  });
});

describe("describeBytes", () => {
  it("says sizes the way the settings are documented", () => {
    expect(describeBytes(16 * 1024)).toBe("16 KiB");
    expect(describeBytes(1024 * 1024)).toBe("1 MiB");
    expect(describeBytes(1500)).toBe("1500 bytes");
  });
});
