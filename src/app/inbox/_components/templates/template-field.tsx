// One field of the "Send a template" dialog: a variable's value, or the link to a media header's
// file. Labelled as the template names it ("Variable 1", "first_name", "Header image link"); a
// problem found when Send is pressed is shown under it and read with it.
import { useServerText } from "@/i18n/use-server-text";
import { MAX_TEMPLATE_LINK_LENGTH, MAX_TEMPLATE_PARAMETER_LENGTH, type TTemplateField } from "@/shared/templates";
import { dialogInputClass } from "../form-dialog";

interface Props {
  id: string;
  field: TTemplateField;
  value: string;
  problem: string | null;
  onChange: (value: string) => void;
}

export function TemplateField({ id, field, value, problem, onChange }: Props) {
  const word = useServerText();
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {word(field.label)}
      </label>
      <input
        id={id}
        type={field.media ? "url" : "text"}
        inputMode={field.media ? "url" : undefined}
        placeholder={field.media ? "https://…" : undefined}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        maxLength={field.media ? MAX_TEMPLATE_LINK_LENGTH : MAX_TEMPLATE_PARAMETER_LENGTH}
        autoComplete="off"
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        className={dialogInputClass}
      />
      {problem && (
        <p id={`${id}-problem`} className="text-xs font-medium text-red-700">
          {problem}
        </p>
      )}
    </div>
  );
}
