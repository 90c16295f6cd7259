// What the label procedures accept; the first problem is answered as one sentence named after the
// form's field (admin/input.ts's plainParser).
import { z } from "zod";
import { MAX_LABELS_PER_CONVERSATION, ZLabelColor, ZLabelName } from "@/shared/labels";
import { encodeText, said } from "@/shared/server-text";

const ZId = z.string().min(1).max(100);

export const ZCreateLabel = z.object({ name: ZLabelName, color: ZLabelColor });
export const ZUpdateLabel = ZCreateLabel.extend({ id: ZId });
export const ZLabelId = z.object({ id: ZId });
export const ZSetConversationLabels = z.object({
  conversationId: ZId,
  labelIds: z.array(ZId).max(MAX_LABELS_PER_CONVERSATION, encodeText(said("tooManyLabels", { max: MAX_LABELS_PER_CONVERSATION }))),
});
