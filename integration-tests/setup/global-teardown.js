module.exports = async () => {
  await globalThis.__INBANK_TEST_POSTGRES__?.stop()
}
