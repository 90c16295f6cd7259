// STUB — being written by a teammate: the built-in simulated WhatsApp for demo mode.
export interface SimulatedWhatsApp {
  baseUrl: string;
  accessToken: string;
  stop(): Promise<void>;
}

export async function startSimulatedWhatsApp(options: { webhookUrl: string; appSecret: string }): Promise<SimulatedWhatsApp> {
  void options;
  throw new Error("not built yet");
}
