/**
 * The clinic's published theme (`GET clinic` `theme`, issue 12 §4) on the elements, against the
 * real reference backend: a marketer publishes it through the staff routes, and the element takes
 * its colours and sizes without any change to the page — while a `--kap-*` the page sets itself,
 * on the element or on the root, still wins. Applied with a constructed style sheet: no style
 * attribute on the element.
 */
import { expect } from '@open-wc/testing';
import type { Theme } from '../../src/api/theme.js';
import { DEFAULT_THEME } from '../../src/theme/theme-tokens.js';
import { bookingTests, freshApi, mountBooking, showWeekWithTimes, timeButtons, until } from './support/booking.js';

const { network } = bookingTests();

const PURPLE: Theme = { ...DEFAULT_THEME, light: { ...DEFAULT_THEME.light, brand: '#6b2fa3' }, radius: 14 };

async function asMarketer(api: string, path: string, body: unknown, method?: 'PUT'): Promise<void> {
  const namespace = api.split('/')[2];
  const response = await network.realFetch(`/api-staff/${namespace}/marketer/as${path}${method ? `?method=${method}` : ''}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status, await response.clone().text()).to.equal(200);
}

async function publish(api: string, theme: Theme): Promise<void> {
  await asMarketer(api, '/staff/theme/draft', { draft: theme }, 'PUT');
  await asMarketer(api, '/staff/theme/publish', {});
}

/** The colour and corner of the first free time's button, once the week has loaded. */
async function firstTime(el: HTMLElement & { updateComplete: Promise<boolean> }): Promise<{ color: string; radius: string }> {
  await showWeekWithTimes(el as never);
  const style = getComputedStyle(timeButtons(el as never)[0]!);
  return { color: style.color, radius: style.borderTopLeftRadius };
}

describe('the clinic’s published theme', () => {
  const pageStyles: HTMLStyleElement[] = [];
  afterEach(() => pageStyles.splice(0).forEach((style) => style.remove()));

  function pageStyle(css: string): void {
    const style = document.createElement('style');
    style.textContent = css;
    document.head.append(style);
    pageStyles.push(style);
  }

  it('without a published theme, the element keeps its own colours', async () => {
    const el = await mountBooking({ api: freshApi() });
    await until(() => network.to('GET', /\/clinic$/).length > 0, 'the clinic read');
    expect(await firstTime(el)).to.deep.equal({ color: 'rgb(27, 94, 99)', radius: '6px' });
  });

  it('takes the published colours and sizes from GET clinic, with no style attribute on the element', async () => {
    const api = freshApi();
    await publish(api, PURPLE);
    const el = await mountBooking({ api });
    await showWeekWithTimes(el);
    await until(() => getComputedStyle(timeButtons(el)[0]!).color === 'rgb(107, 47, 163)', 'the theme’s brand colour');
    expect(await firstTime(el)).to.deep.equal({ color: 'rgb(107, 47, 163)', radius: '14px' });
    expect(el.hasAttribute('style')).to.equal(false);
    expect(network.to('GET', /\/clinic$/).length).to.be.greaterThan(0);
  });

  it('reads GET clinic once for both the theme and the privacy notice the page leaves unsaid', async () => {
    const api = freshApi();
    await publish(api, PURPLE);
    const el = await mountBooking({ api }, (element) => element.removeAttribute('privacy-url'));
    const clinicRead = (el as unknown as { clinicTask: { value?: { name: string } } }).clinicTask;
    await until(() => getComputedStyle(el).getPropertyValue('--_radius').trim() === '14px', 'the theme applied');
    await until(() => clinicRead.value !== undefined, 'the clinic read for its privacy notice');
    expect(network.to('GET', /\/clinic$/)).to.have.length(1);
  });

  it('moved on the page while GET clinic is on its way, reads it again for its new stay', async () => {
    const el = await mountBooking({ api: freshApi() }, (element) => element.removeAttribute('privacy-url'));
    const clinicRead = (el as unknown as { clinicTask: { value?: { name: string } } }).clinicTask;
    // Removed and put back in one task: the read under way is cancelled with the old stay.
    await until(() => network.to('GET', /\/clinic$/).length === 1, 'GET clinic on its way');
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await until(() => network.to('GET', /\/clinic$/).length === 2, 'GET clinic asked again for the new stay');
    await until(() => clinicRead.value !== undefined, 'the clinic read for its privacy notice');
  });

  it('moved on the page before GET clinic leaves, asks it once, for its new stay', async () => {
    const el = await mountBooking({ api: freshApi() }, (element) => element.removeAttribute('privacy-url'));
    const clinicRead = (el as unknown as { clinicTask: { value?: { name: string } } }).clinicTask;
    // The request is made a task after the first drawing: moved before then, the old stay makes none.
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await until(() => clinicRead.value !== undefined, 'the clinic read for its privacy notice');
    expect(network.to('GET', /\/clinic$/)).to.have.length(1);
  });

  it('the page’s own --kap-* on the element wins over the theme', async () => {
    const api = freshApi();
    await publish(api, PURPLE);
    pageStyle('kap-booking { --kap-color-primary: #8a1c1c; }');
    const el = await mountBooking({ api });
    await until(() => network.to('GET', /\/clinic$/).length > 0, 'the clinic read');
    await until(() => getComputedStyle(el).getPropertyValue('--_radius').trim() === '14px', 'the theme applied');
    expect(await firstTime(el)).to.deep.equal({ color: 'rgb(138, 28, 28)', radius: '14px' });
  });

  it('the page’s own --kap-* on the root, inherited, wins over the theme too', async () => {
    const api = freshApi();
    await publish(api, PURPLE);
    pageStyle(':root { --kap-color-primary: #0b5394; }');
    const el = await mountBooking({ api });
    await showWeekWithTimes(el);
    await until(() => getComputedStyle(timeButtons(el)[0]!).borderTopLeftRadius === '14px', 'the theme applied');
    expect(await firstTime(el)).to.deep.equal({ color: 'rgb(11, 83, 148)', radius: '14px' });
  });
});
