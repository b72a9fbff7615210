// Links the questionnaire to the booking it follows: the booking id arrives in the link's fragment
// (never a query string, so it is not sent to any server) and is handed to the element.
const booking = new URLSearchParams(location.hash.slice(1)).get('booking');
const intake = document.querySelector('kap-intake');
if (booking && intake) intake.setAttribute('booking', booking);
