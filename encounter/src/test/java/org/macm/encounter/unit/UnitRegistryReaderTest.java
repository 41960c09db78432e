package org.macm.encounter.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.macm.encounter.EncounterException;
import org.macm.encounter.json.UnitKind;

class UnitRegistryReaderTest {
    private static final String TOML = """
            [[unit]]
            side = "JP"
            name = "JS KONGO"
            kind = "vessel"
            type = "destroyer"
            mmsi = "431999001"
            callsign = "JSKG"
            hull = "DDG-173"

            [[unit]]
            side = "CN"
            name = "Y-8Q 9301"
            kind = "aircraft"
            type = "patrol aircraft"
            icao24 = "780a3f"
            """;
    private static final String CSV = """
            # units of both parties
            side,name,kind,type,mmsi,icao24,callsign,hull
            JP,JS KONGO,vessel,destroyer,431999001,,JSKG,DDG-173
            CN,"Y-8Q ""9301\""",aircraft,patrol aircraft,,780A3F,,
            """;

    private final UnitRegistryReader reader = new UnitRegistryReader();

    @Test
    void toml_and_csv_readTheSameUnits_findableByAnyIdentifier(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("units.toml"), TOML);
        Files.writeString(dir.resolve("units.csv"), CSV);
        for (String file : new String[] {"units.toml", "units.csv"}) {
            UnitRegistry r = reader.read(dir.resolve(file));
            assertThat(r.units()).hasSize(2);
            Unit kongo = r.find(new Identifier.Mmsi(431999001)).orElseThrow();
            assertThat(kongo.side()).isEqualTo(Side.of("JP"));
            assertThat(kongo.type()).isEqualTo("destroyer");
            assertThat(r.find(new Identifier.Hull("ddg-173"))).contains(kongo);
            assertThat(r.find(new Identifier.CallSign("JSKG"))).contains(kongo);
            Unit y8 = r.find(new Identifier.Icao24(0x780A3F)).orElseThrow();
            assertThat(y8.kind()).isEqualTo(UnitKind.AIRCRAFT);
            assertThat(y8.side()).isEqualTo(Side.of("CN"));
            assertThat(r.find(new Identifier.Mmsi(412000001))).isEmpty();
        }
        assertThat(reader.readCsv("u.csv", CSV).find(new Identifier.Icao24(0x780A3F)).orElseThrow().name()).isEqualTo("Y-8Q \"9301\"");
    }

    @Test
    void toml_unknownKey_isRefusedNamingTheKey() {
        assertThatThrownBy(() -> reader.readToml("units.toml", TOML.replace("type = \"destroyer\"", "typ = \"destroyer\"")))
                .isInstanceOf(EncounterException.class)
                .hasMessageStartingWith("units.toml: unknown key 'unit[1].typ' (known keys: callsign, hull, icao24, kind, mmsi, name, side, type)");
    }

    @Test
    void toml_badValues_nameTheUnitAndKey() {
        assertThatThrownBy(() -> reader.readToml("units.toml", TOML.replace("431999001", "43199900")))
                .hasMessage("units.toml: unit[1].mmsi: an MMSI is 9 digits, got '43199900'");
        assertThatThrownBy(() -> reader.readToml("units.toml", TOML.replace("780a3f", "78XA3F")))
                .hasMessage("units.toml: unit[2].icao24: an ICAO address is six hex digits, got '78XA3F'");
        assertThatThrownBy(() -> reader.readToml("units.toml", TOML.replace("kind = \"vessel\"", "kind = \"boat\"")))
                .hasMessage("units.toml: unit[1].kind: must be \"vessel\" or \"aircraft\", got 'boat'");
        assertThatThrownBy(() -> reader.readToml("units.toml", TOML.replace("side = \"CN\"", "side = \"cn\"")))
                .hasMessageStartingWith("units.toml: unit[2].side: a side is 1..16 of A-Z");
        assertThatThrownBy(() -> reader.readToml("units.toml", TOML.replace("name = \"JS KONGO\"\n", "")))
                .hasMessage("units.toml: unit[1].name: required");
        assertThatThrownBy(() -> reader.readToml("units.toml", TOML.replace("icao24 = \"780a3f\"", "")))
                .hasMessage("units.toml: unit[2]: unit 'Y-8Q 9301' needs at least one of mmsi, icao24, callsign, hull");
        assertThatThrownBy(() -> reader.readToml("units.toml", TOML.replace("icao24 = \"780a3f\"", "hull = \"DDG-173\"")))
                .hasMessage("units.toml: unit[2].hull: hull:DDG-173 is already listed at unit[1]");
        assertThatThrownBy(() -> reader.readToml("units.toml", "[[unit]\nside = 1"))
                .hasMessageStartingWith("units.toml is not valid TOML (line 2)");
    }

    @Test
    void csv_badLines_nameTheLine() {
        assertThatThrownBy(() -> reader.readCsv("units.csv", CSV.replace("JSKG,DDG-173", "JSKG")))
                .hasMessage("units.csv: line 3: 7 columns, the header has 8");
        assertThatThrownBy(() -> reader.readCsv("units.csv", CSV.replace("side,name", "side,nom")))
                .hasMessage("units.csv: line 2: unknown column 'nom' (known columns: side, name, kind, type, mmsi, icao24, callsign, hull)");
        assertThatThrownBy(() -> reader.readCsv("units.csv", CSV.replace(",780A3F,", ",780A3FF,")))
                .hasMessage("units.csv: line 4 column icao24: an ICAO address is six hex digits, got '780A3FF'");
        assertThatThrownBy(() -> reader.readCsv("units.csv", "side,name,kind\nCN,\"unclosed,vessel\n"))
                .hasMessage("units.csv: line 2: a quoted field is not closed");
        assertThatThrownBy(() -> reader.readCsv("units.csv", CSV + "CN,DUP,vessel,,431999001,,,\n"))
                .hasMessage("units.csv: line 5 column mmsi: mmsi:431999001 is already listed at line 3");
        assertThatThrownBy(() -> reader.readCsv("units.csv", "# nothing\n"))
                .hasMessageStartingWith("units.csv: no header line");
    }

    @Test
    void fileWithAnotherExtension_isRefused(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("units.yaml");
        Files.writeString(f, "x");
        assertThatThrownBy(() -> reader.read(f)).hasMessageEndingWith("the name must end in .toml or .csv");
        assertThatThrownBy(() -> reader.read(dir.resolve("none.toml"))).hasMessageContaining("does not exist");
    }
}
