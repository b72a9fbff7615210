/** The console's entry: defines `<kap-console>` and its parts (index.html places it). */
import './kap-console.js';
