/**
 * A small list of passwords people choose most often at twelve characters and more (and the common
 * stems that get digits or symbols added), compared in lower case. NIST SP 800-63B asks that a new
 * password be checked against such a list; the length rule already refuses the short ones.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  'password', 'password1234', 'password12345', 'password123456', 'passwordpassword', 'password1password',
  'passw0rdpassw0rd', 'p@ssw0rd1234', 'p@ssword1234', 'mypassword123', 'mypassword1234', 'newpassword1',
  'newpassword123', 'changeme1234', 'changemenow1', 'welcome12345', 'welcome123456', 'welcometothejungle',
  'letmein12345', 'letmeinplease', 'iloveyou1234', 'iloveyouforever', 'iloveyoubaby', 'iloveyoutoo1',
  'qwertyuiop12', 'qwertyuiop123', 'qwertyuiopasdf', 'qwertyuiopasdfgh', 'qwertyqwerty', 'qwerty123456',
  'qwerty1234567', 'qwertyuiopasdfghjkl', 'asdfghjkl123', 'asdfghjkl1234', 'asdfasdfasdf', 'zxcvbnm12345',
  'zxcvbnm123456', 'zxcvbnmasdfghjkl', '1q2w3e4r5t6y', '1q2w3e4r5t6y7u', '1qaz2wsx3edc', '1qaz2wsx3edc4rfv',
  'zaq12wsxcde3', 'qazwsxedcrfv', 'qazwsxedcrfvtgb', '123qweasdzxc', 'qweasdzxc123', 'abc123abc123',
  'abcd1234abcd', 'a1b2c3d4e5f6', '123456789012', '1234567890123', '12345678901234', '123456123456',
  '123123123123', '111111111111', '000000000000', '121212121212', '112233445566', '987654321012',
  '147258369147', '741852963741', '789456123789', 'trustno1trustno1', 'football1234', 'football12345',
  'baseball1234', 'basketball12', 'basketball123', 'superman1234', 'batman123456', 'spiderman123',
  'starwars1234', 'pokemon12345', 'princess1234', 'sunshine1234', 'sunshine12345', 'butterfly123',
  'chocolate123', 'computer1234', 'internet1234', 'whatever1234', 'monkey123456', 'dragon123456',
  'master123456', 'shadow123456', 'michael12345', 'jennifer1234', 'jordan232323', 'michelle1234',
  'liverpool123', 'manchester12', 'chelsea12345', 'arsenal12345', 'blink1821234', 'myspace12345',
  'administrator', 'administrator1', 'admin1234567', 'adminadmin123', 'rootroot1234', 'security1234',
  'secret123456', 'loveyou12345', 'lovelovelove', 'babygirl1234', 'happiness123', 'happybirthday',
  'goodmorning1', 'helloworld12', 'helloworld123', 'hellohello12', 'summer2024!!', 'winter2024!!',
  'spring202412', 'autumn202412', 'january12345', 'december1234', 'americanidol', 'unitedstates',
  'newyorkcity1', 'sweetheart12', 'cookiemonster', 'thequickbrownfox', 'correcthorsebatterystaple',
  'ketamine1234', 'ketaminetherapy', 'therapy12345', 'clinic123456', 'healthcare123', 'wellness1234',
  'doctor123456', 'nurse1234567', 'medical12345', 'patient12345', 'hospital1234',
]);
