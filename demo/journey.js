// The clinic's own glue between the steps of the journey. Once a consultation is booked, offer the
// intake questionnaire for that booking and its preparation checklist. Ids and the booking's token
// travel only in the URL fragment, which browsers never send to a server.
document.addEventListener('kap-booking-confirm', (event) => {
  const next = document.getElementById('next-steps');
  const intake = document.getElementById('intake-link');
  const checklist = document.getElementById('checklist-link');
  if (!next || !intake || !checklist) return;
  const booking = encodeURIComponent(event.detail.bookingId);
  intake.href = `/intake.html#booking=${booking}`;
  const token = event.target.accessToken;
  if (token) checklist.href = `/checklist.html#booking=${booking}&token=${encodeURIComponent(token)}`;
  checklist.parentElement.hidden = !token;
  next.hidden = false;
});
