// Every test starts with an empty storage, no fake, no recorded navigation, and fresh modules (miniprogram-simulate
// requires each page's js once per load; the pages and utils then read their state from the fresh `wx`).
beforeEach(() => {
  global.wx = global.__createWx();
  jest.resetModules();
});
