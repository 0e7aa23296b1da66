/**
 * The form's building blocks: labelled fields, drop-downs, radio groups and sections, each with the
 * error slot the pane fills (fieldId(field) + "-error") and, where the user edits, an onEdit callback.
 */
import { h, fieldId, type Child } from "./dom";

export function section(id: string, title: string, children: Child[]): HTMLElement {
  return h("fieldset", { class: "section", id }, h("legend", {}, title), ...children);
}

/** An error slot for a whole list ("actors", "projects"): problems that belong to no single field. */
export function groupError(field: string): HTMLElement {
  return h("p", { class: "field-error", id: `${fieldId(field)}-error`, hidden: true });
}

export function wrapField(field: string, label: string, control: HTMLElement, hint?: string): HTMLElement {
  const id = fieldId(field);
  control.id = id;
  control.setAttribute("data-field", field);
  control.setAttribute("aria-describedby", hint ? `${id}-hint ${id}-error` : `${id}-error`);
  return h("div", { class: "field" },
    h("label", { for: id }, label),
    control,
    hint ? h("p", { class: "hint", id: `${id}-hint` }, hint) : null,
    h("p", { class: "field-error", id: `${id}-error`, hidden: true }),
  );
}

export function selectField(onEdit: () => void, field: string, label: string, options: [string, string][], selected: string, onChange: (value: string) => void, hint?: string): HTMLElement {
  const select = h("select", {
    onchange: (event: Event) => {
      onChange((event.target as HTMLSelectElement).value);
      onEdit();
    },
  }, options.map(([value, text]) => h("option", { value, selected: value === selected }, text)));
  return wrapField(field, label, select, hint);
}

export function radioGroup(
onEdit: () => void,
field: string,
  legend: string,
  options: { value: string; label: string; explanation?: string }[],
  selected: string,
  onChange: (value: string) => void,
): HTMLElement {
  const id = fieldId(field);
  return h("fieldset", { class: "radio-group", id: `${id}-group`, "aria-describedby": `${id}-error` },
    h("legend", {}, legend),
    options.map((option, index) => {
      const optionId = `${id}-${index}`;
      return h("div", { class: "radio" },
        h("input", {
          type: "radio",
          name: id,
          id: index === 0 ? id : optionId,
          "data-field": field,
          value: option.value,
          checked: option.value === selected,
          "aria-describedby": option.explanation ? `${optionId}-explanation` : null,
          onchange: () => {
            onChange(option.value);
            onEdit();
          },
        }),
        h("label", { for: index === 0 ? id : optionId },
          h("span", { class: "radio-label" }, option.label),
          option.explanation ? h("span", { class: "explanation", id: `${optionId}-explanation` }, option.explanation) : null,
        ),
      );
    }),
    h("p", { class: "field-error", id: `${id}-error`, hidden: true }),
  );
}
