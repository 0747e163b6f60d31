import { describe, expect, it } from "vitest";
import { foldDiacritics, matchesSearch, searchByName } from "./fold-diacritics.js";

const MENU = [
  { name: "Cà phê đen đá" },
  { name: "Cà phê sữa đá" },
  { name: "Cà phê sữa nóng" },
  { name: "Bạc xỉu" },
  { name: "Trà đào cam sả" },
  { name: "Nước ép dưa hấu" },
  { name: "Bánh mì thịt" },
];
const names = (query: string) => searchByName(MENU, query).map((item) => item.name);

describe("diacritic-insensitive search", () => {
  it("folds tone and vowel marks, đ and case", () => {
    expect(foldDiacritics("Cà phê sữa ĐÁ")).toBe("ca phe sua da");
    expect(foldDiacritics("Đường  phố ")).toBe("duong pho");
    expect(foldDiacritics("Nước ép dưa hấu")).toBe("nuoc ep dua hau");
  });

  it('finds "Cà phê sữa" from "ca phe sua"', () => {
    expect(names("ca phe sua")).toEqual(["Cà phê sữa đá", "Cà phê sữa nóng"]);
  });

  it("accepts words with or without marks, in any order, and word beginnings", () => {
    expect(names("cà phê sữa")).toEqual(["Cà phê sữa đá", "Cà phê sữa nóng"]);
    expect(names("sua nong")).toEqual(["Cà phê sữa nóng"]);
    expect(names("CA PHE DEN")).toEqual(["Cà phê đen đá"]);
    expect(names("tra dao")).toEqual(["Trà đào cam sả"]);
    expect(names("bac")).toEqual(["Bạc xỉu"]);
  });

  it("matches decomposed input (a keyboard that sends combining marks)", () => {
    expect(names("ca\u0300 phe\u0302 su\u031b\u0303a")).toEqual(["Cà phê sữa đá", "Cà phê sữa nóng"]);
  });

  it("lets a cashier type the initials", () => {
    expect(names("cpsd")).toEqual(["Cà phê sữa đá"]);
    expect(names("bmt")).toEqual(["Bánh mì thịt"]);
  });

  it("does not match unrelated words", () => {
    expect(names("tra sua")).toEqual([]);
    expect(matchesSearch("Bạc xỉu", "ca phe")).toBe(false);
  });

  it("shows everything for an empty query", () => {
    expect(names("  ")).toHaveLength(MENU.length);
  });
});
