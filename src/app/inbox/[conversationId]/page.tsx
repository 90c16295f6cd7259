import { ConversationView } from "../_components/conversation/conversation-view";

export default async function ConversationPage({ params }: { params: Promise<{ conversationId: string }> }) {
  const { conversationId } = await params;
  const id = decodeURIComponent(conversationId);
  // Keyed, so scroll position and "new messages" state start fresh for each conversation.
  return <ConversationView key={id} conversationId={id} />;
}
