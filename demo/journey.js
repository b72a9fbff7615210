// The clinic's own glue between the steps of the journey: once a consultation is booked, offer the
// intake questionnaire for that booking. Only the booking id travels, in the fragment, never in a query.
document.addEventListener('kap-booking-confirm', (event) => {
  const next = document.getElementById('next-steps');
  const link = document.getElementById('intake-link');
  if (!next || !link) return;
  link.href = `/intake.html#booking=${encodeURIComponent(event.detail.bookingId)}`;
  next.hidden = false;
});
