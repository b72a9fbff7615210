// The plain-DOM floor for <kap-booking> (browser module, no framework): the same two requests to
// the same stand-in backend, the same slots grouped by day in the same zone, and the same week on
// screen — a button per day with its count, and the first day's times as buttons with a full label.
// No validation of the answers, no localisation beyond Intl, no state machine: the lower bound.

export async function renderBookingFloor(host, api, zone) {
  const get = async (path) => (await fetch(api + path)).json();
  await get('services');
  const { slots } = await get('availability?service=consultation');
  const dayOf = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const dayName = new Intl.DateTimeFormat('en-US', { timeZone: zone, weekday: 'long', month: 'long', day: 'numeric' });
  const timeOf = new Intl.DateTimeFormat('en-US', { timeZone: zone, hour: 'numeric', minute: '2-digit' });
  const now = Date.now();
  // The week on screen: Monday to Sunday of today, in the zone.
  const today = dayOf.format(now);
  const weekday = (new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7;
  const monday = Date.parse(`${today}T12:00:00Z`) - weekday * 86_400_000;
  const week = new Set(Array.from({ length: 7 }, (_, i) => new Date(monday + i * 86_400_000).toISOString().slice(0, 10)));
  const days = new Map();
  for (const slot of slots) {
    const start = Date.parse(slot.start);
    if (start <= now) continue;
    const day = dayOf.format(start);
    if (!week.has(day)) continue;
    if (!days.has(day)) days.set(day, []);
    days.get(day).push(slot);
  }
  const root = document.createElement('div');
  const dayList = document.createElement('div');
  dayList.setAttribute('role', 'group');
  dayList.setAttribute('aria-label', 'Days');
  let first;
  for (const [day, list] of days) {
    first ??= [day, list];
    const name = dayName.format(Date.parse(list[0].start));
    const button = document.createElement('button');
    button.type = 'button';
    button.setAttribute('part', 'day');
    button.setAttribute('aria-pressed', String(day === first[0]));
    button.append(name, ' ', `${list.length} times`);
    dayList.append(button);
  }
  root.append(dayList);
  if (first) {
    const [, list] = first;
    const name = dayName.format(Date.parse(list[0].start));
    const times = document.createElement('div');
    times.setAttribute('role', 'group');
    const heading = document.createElement('h3');
    heading.textContent = `Times for ${name}`;
    times.append(heading);
    for (const slot of list) {
      const button = document.createElement('button');
      button.type = 'button';
      button.setAttribute('part', 'time');
      const time = timeOf.format(Date.parse(slot.start));
      button.setAttribute('aria-label', `${time}, ${name}, Eastern Time`);
      button.textContent = time;
      times.append(button);
    }
    root.append(times);
  }
  host.append(root);
}
