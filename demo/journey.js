// The clinic's own glue between the steps of the journey. Once a consultation is booked, offer the
// intake questionnaire for that booking and its preparation checklist. Ids and the booking's token
// travel only in the URL fragment, which browsers never send to a server. The links stay in the
// page's language: `intake.html` is /intake.html on an English page and /es/intake.html on a Spanish one.
document.addEventListener('kap-booking-confirm', (event) => {
  const next = document.getElementById('next-steps');
  const intake = document.getElementById('intake-link');
  const checklist = document.getElementById('checklist-link');
  if (!next || !intake || !checklist) return;
  const booking = encodeURIComponent(event.detail.bookingId);
  const token = event.target.accessToken;
  // The elements on those pages read `#booking=…&token=…` themselves and take it out of the address
  // bar. Without the token the answers cannot be linked to the booking, so the intake goes unlinked.
  const fragment = token ? `#booking=${booking}&token=${encodeURIComponent(token)}` : '';
  intake.href = `${new URL('intake.html', location.href).pathname}${fragment}`;
  if (token) checklist.href = `${new URL('checklist.html', location.href).pathname}${fragment}`;
  checklist.parentElement.hidden = !token;
  next.hidden = false;
});
