import { PREFERENCES_KEY, storedPreferences, type KeyValueStorage } from "./preferences";

function mapStorage(): KeyValueStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
  };
}

describe("the person's preferences", () => {
  test("kept in web storage under the partition key, read back by the next pane", () => {
    const storage = mapStorage();
    storedPreferences(storage, "partition-1/").save({ language: "en" });
    expect([...storage.map.keys()]).toEqual([`partition-1/${PREFERENCES_KEY}`]);
    expect(storedPreferences(storage, "partition-1/").load()).toEqual({ language: "en" });
    // Another partition (another context) does not see it.
    expect(storedPreferences(storage, "partition-2/").load()).toEqual({ language: "auto" });
    expect(storedPreferences(storage).load()).toEqual({ language: "auto" });
  });

  test("damaged or foreign values read as the defaults", () => {
    const storage = mapStorage();
    for (const text of ["{", "null", '{"language":"fr"}', '"th"', "[1,2]"]) {
      storage.map.set(PREFERENCES_KEY, text);
      expect(storedPreferences(storage).load()).toEqual({ language: "auto" });
    }
  });

  test("blocked storage: the choice still holds for the session, nothing throws", () => {
    const blocked: KeyValueStorage = {
      getItem: () => {
        throw new DOMException("denied", "SecurityError");
      },
      setItem: () => {
        throw new DOMException("full", "QuotaExceededError");
      },
    };
    const preferences = storedPreferences(blocked);
    expect(preferences.load()).toEqual({ language: "auto" });
    preferences.save({ language: "th" });
    expect(preferences.load()).toEqual({ language: "th" });
    const none = storedPreferences(undefined);
    none.save({ language: "en" });
    expect(none.load()).toEqual({ language: "en" });
  });
});
