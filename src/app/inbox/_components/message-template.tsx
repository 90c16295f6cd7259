// A template message as the customer sees it: its header, the body with the variables filled in,
// and its footer; a small "Template" tag tells the team it was one (a group with that name).
import type { TMessage } from "@/shared/dto";

export function MessageTemplate({ message }: { message: TMessage }) {
  const header = message.details?.templateHeader;
  const footer = message.details?.templateFooter;
  return (
    <div role="group" aria-label="Template" className="flex flex-col gap-1">
      <span className="self-start rounded bg-black/5 px-1.5 py-0.5 text-[10px] font-semibold tracking-wide uppercase opacity-70">Template</span>
      {header && <p className="text-sm font-semibold">{header}</p>}
      <p dir="auto" className="text-[14.5px] leading-snug break-words whitespace-pre-wrap">
        {message.body}
      </p>
      {footer && <p className="text-xs opacity-70">{footer}</p>}
    </div>
  );
}
