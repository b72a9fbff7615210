// The plain-DOM floor for <kap-intake> (browser module, no framework, no build step): the same first
// page of the same resolved definition, rendered with document.createElement in one pass, with the
// markup an accessible form needs and no more — a heading, the intro, per question a label or
// fieldset/legend, its hint and its inputs, and a Continue button. Answers are kept in an object; an
// answer re-evaluates only the conditions that read it. This is the lower bound the element is
// compared with ("the floor"); it does none of the element's other work (validation messages,
// crisis panel, drafts, localisation).

const el = (tag, attributes = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) node.setAttribute(name, value);
  node.append(...children);
  return node;
};

/** Whether `condition` holds for `answers` (the operators the bench's forms use). */
function holds(condition, answers) {
  if (condition.all) return condition.all.every((part) => holds(part, answers));
  if (condition.any) return condition.any.some((part) => holds(part, answers));
  const value = answers[condition.item];
  const answered = value !== undefined && value !== '' && !(Array.isArray(value) && !value.length);
  if (condition.answered !== undefined) return condition.answered === answered;
  if (!answered) return false;
  if (condition.equals !== undefined) return Array.isArray(value) ? value.includes(condition.equals) : value === String(condition.equals);
  if (condition.notEquals !== undefined) return value !== String(condition.notEquals);
  return false;
}

/** The items a condition reads. */
const reads = (condition) => (condition.all ?? condition.any ?? [condition]).flatMap((part) => (part.all || part.any ? reads(part) : [part.item]));

function choices(key, legend, options, { multi = false, help } = {}) {
  const fieldset = el('fieldset', { role: multi ? undefined : 'radiogroup', 'aria-describedby': help ? `h-${key}` : undefined }, el('legend', {}, legend));
  if (help) fieldset.append(el('p', { id: `h-${key}` }, help));
  options.forEach((option, i) => {
    const id = `f-${key}-${i}`;
    const input = el('input', {
      type: multi ? 'checkbox' : 'radio',
      id,
      name: key,
      value: option.value,
      'aria-describedby': option.help ? `${id}-h` : undefined,
    });
    fieldset.append(el('div', {}, input, el('label', { for: id }, option.label)));
    if (option.help) fieldset.append(el('p', { id: `${id}-h` }, option.help));
  });
  return fieldset;
}

function textField(item) {
  const key = item.id;
  const input = el(item.type === 'textarea' ? 'textarea' : 'input', {
    id: `f-${key}`,
    name: key,
    type: item.type === 'textarea' ? undefined : 'text',
    'aria-describedby': item.help ? `h-${key}` : undefined,
  });
  const field = el('div', {}, el('label', { for: `f-${key}` }, item.label));
  if (item.help) field.append(el('p', { id: `h-${key}` }, item.help));
  field.append(input);
  if (item.unit) field.append(el('span', {}, item.unit));
  return field;
}

function question(item) {
  switch (item.type) {
    case 'display':
      return el('p', {}, item.text);
    case 'choice':
      return choices(item.id, item.label, item.options, { help: item.help });
    case 'multi':
      return choices(item.id, item.label, item.options, { multi: true, help: item.help });
    case 'yesno':
      return choices(
        item.id,
        item.label,
        [
          { value: 'yes', label: 'Yes' },
          { value: 'no', label: 'No' },
        ],
        { help: item.help },
      );
    case 'scale': {
      const fieldset = el('fieldset', {}, el('legend', {}, item.label));
      if (item.help) fieldset.append(el('p', {}, item.help));
      for (const row of item.rows) fieldset.append(choices(row.id, `${row.number}. ${row.label}`, item.options));
      return fieldset;
    }
    case 'date': {
      const fieldset = el('fieldset', { role: 'group' }, el('legend', {}, item.label));
      for (const part of ['month', 'day', 'year']) {
        const id = `f-${item.id}.${part}`;
        fieldset.append(
          el(
            'div',
            {},
            el('label', { for: id }, part[0].toUpperCase() + part.slice(1)),
            el('input', { id, name: item.id, 'data-part': part, inputmode: 'numeric' }),
          ),
        );
      }
      return fieldset;
    }
    case 'consent': {
      const id = `f-${item.id}`;
      return el('div', {}, el('p', {}, item.text), el('input', { type: 'checkbox', id, name: item.id }), el('label', { for: id }, item.label));
    }
    default:
      return textField(item);
  }
}

/**
 * Renders `page` of a resolved form into `host`; returns the form's state: `answer(name, value)` is
 * what an input event does.
 */
export function renderFloor(host, form, page) {
  const answers = {};
  const fields = new Map();
  const dependants = new Map();
  const root = el('div', {}, el('h2', { tabindex: '-1' }, page.title));
  if (form.intro) root.append(el('p', {}, form.intro.replace(/\*\*/g, '')));
  const formElement = el('form', { novalidate: '' });
  for (const item of page.items) {
    const field = el('div', { class: 'field' }, question(item));
    field.hidden = Boolean(item.when && !holds(item.when, answers));
    fields.set(item.id, { field, item });
    if (item.when) for (const key of reads(item.when)) dependants.set(key, [...(dependants.get(key) ?? []), item.id]);
    formElement.append(field);
  }
  if (page.notice) formElement.append(el('p', {}, page.notice));
  formElement.append(el('button', { type: 'submit' }, 'Continue'));
  root.append(formElement);
  const answer = (name, value) => {
    answers[name] = value;
    for (const id of dependants.get(name) ?? []) {
      const { field, item } = fields.get(id);
      field.hidden = !holds(item.when, answers);
    }
  };
  formElement.addEventListener('input', (event) => {
    const input = event.target;
    if (input.type === 'checkbox') {
      const chosen = (answers[input.name] ?? []).filter((value) => value !== input.value);
      answer(input.name, input.checked ? [...chosen, input.value] : chosen);
    } else answer(input.name, input.value);
  });
  formElement.addEventListener('submit', (event) => event.preventDefault());
  host.append(root);
  return { answers };
}
