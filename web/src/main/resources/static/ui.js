// Small DOM helpers and the feedback every view shares: toasts (aria-live polite), errors (aria-live assertive).
import { ApiError } from './api.js';

export const $ = id => document.getElementById(id);

/** An element with properties (className, textContent, type, …), attributes in {attrs}, and children. */
export function el(tag, props = {}, ...children) {
  const { attrs, dataset, ...rest } = props;
  const node = Object.assign(document.createElement(tag), rest);
  Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
  Object.entries(dataset || {}).forEach(([k, v]) => { node.dataset[k] = v; });
  node.append(...children.filter(c => c !== null && c !== undefined && c !== false));
  return node;
}

export function toast(text, action) {
  const node = el('div', { className: 'toast' }, el('span', { textContent: text }));
  if (action) {
    const button = el('button', { type: 'button', textContent: action.label });
    button.addEventListener('click', () => { node.remove(); action.run(); });
    node.append(button);
  }
  $('toasts').append(node);
  setTimeout(() => node.remove(), action ? 10000 : 5000);
}

/** Shows an error until dismissed (or 15 s); one about a form's input goes once that form is submitted again. */
export function showError(error, form) {
  const text = error instanceof ApiError ? error.message : `Something went wrong: ${error.message}`;
  const node = el('div', { className: 'toast error' }, el('span', { textContent: text }));
  if (form) node.dataset.form = form.id;
  const close = el('button', { type: 'button', textContent: 'Dismiss' });
  close.addEventListener('click', () => node.remove());
  node.append(close);
  $('errors').append(node);
  setTimeout(() => node.remove(), 15000);
}

/** Runs fn; an error is shown readably instead of being lost in the console. */
export const guarded = fn => async (...args) => { try { return await fn(...args); } catch (e) { showError(e); } };

/**
 * Marks the inputs a problem+json's {@code errors} name (by field → input id) as invalid, with the message next to
 * the input (aria-describedby); answers whether any field was marked. Clears the previous marks, and the errors
 * shown for this form, first.
 */
export function markFieldErrors(form, error, inputs) {
  $('errors').querySelectorAll(`[data-form="${form.id}"]`).forEach(n => n.remove());
  form.querySelectorAll('.field-error').forEach(n => n.remove());
  form.querySelectorAll('[aria-invalid]').forEach(n => { n.removeAttribute('aria-invalid'); n.removeAttribute('aria-describedby'); });
  const fields = error instanceof ApiError && Array.isArray(error.problem?.errors) ? error.problem.errors : [];
  let marked = false;
  fields.forEach(({ field, message }) => {
    const input = inputs[field] && $(inputs[field]);
    if (!input) return;
    const note = el('span', { className: 'field-error', id: `${input.id}-error`, textContent: `${field}: ${message}` });
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', note.id);
    input.after(note);
    if (!marked) input.focus();
    marked = true;
  });
  return marked;
}

export function clearFieldErrors(form) { markFieldErrors(form, null, {}); }

export function formatBytes(n) {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) { n /= 1024; i++; }
  return `${n.toFixed(i ? 1 : 0)} ${units[i]}`;
}

/** An ISO-8601 duration (PT26H3M4.5S, P1DT2H) as "1 d 2 h 3 min". */
export function formatDuration(iso) {
  if (!iso) return '—';
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?)?$/.exec(iso);
  if (!m) return iso;
  let [d, h, min, s] = [m[1], m[2], m[3], m[4]].map(v => Number(v || 0));
  d += Math.floor(h / 24); h %= 24;
  const parts = [d && `${d} d`, h && `${h} h`, min && `${min} min`, !d && !h && `${Math.round(s)} s`].filter(Boolean);
  return parts.join(' ') || '0 s';
}

export const when = iso => iso ? new Date(iso).toLocaleString() : '—';
