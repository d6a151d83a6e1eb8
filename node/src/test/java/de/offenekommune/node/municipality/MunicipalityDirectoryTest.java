package de.offenekommune.node.municipality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The official list as shipped (Destatis GV100AD): keys keep their zeros, quoted names, districts, demo entries. */
class MunicipalityDirectoryTest {
    private static final MunicipalityDirectory OFFICIAL = MunicipalityDirectory.load(false);

    @Test
    void readsTheOfficialListWithoutMunicipalityFreeAreas() {
        assertEquals(10_751, OFFICIAL.size(), "10,953 rows minus 202 municipality-free areas (SOURCES.md)");
        Municipality flensburg = OFFICIAL.byAgs("01001000").orElseThrow();
        assertEquals("Flensburg, Stadt", flensburg.name(), "a quoted name with a comma");
        assertEquals("01001", flensburg.kreisAgs());
        assertEquals(54.78252, flensburg.latitude(), 1e-9);
        assertFalse(flensburg.fictional());
        assertEquals("Garching b.München, St", OFFICIAL.byAgs("09184119").orElseThrow().name());
        assertTrue(OFFICIAL.byAgs("09999001").isEmpty(), "no demo entries in the official list");
        assertTrue(OFFICIAL.byAgs("1001000").isEmpty() && OFFICIAL.byAgs(null).isEmpty());
    }

    @Test
    void aDistrictsMunicipalitiesAreListedByName() {
        District muenchen = OFFICIAL.district("09184").orElseThrow();
        assertEquals("München", muenchen.name());
        assertEquals("Landkreis", muenchen.type());
        List<Municipality> towns = OFFICIAL.inDistrict("09184");
        assertEquals(29, towns.size(), "kreise.csv: 29 municipalities (and 3 municipality-free areas)");
        assertEquals("Aschheim", towns.getFirst().name());
        assertTrue(towns.stream().allMatch(t -> t.kreisAgs().equals("09184")));
        assertTrue(OFFICIAL.inDistrict("99999").isEmpty());
    }

    @Test
    void demoNodesAlsoKnowTheFictionalMusterkreis() {
        MunicipalityDirectory demo = MunicipalityDirectory.load(true);
        assertEquals("Musterkreis", demo.district("09999").orElseThrow().name());
        assertEquals(List.of("Beispielheim", "Musterstadt", "Nirgendwo am See"),
                demo.inDistrict("09999").stream().map(Municipality::name).toList());
        assertTrue(demo.byAgs("09999001").orElseThrow().fictional());
        assertEquals(OFFICIAL.size() + 3, demo.size());
    }

    @Test
    void csvFieldsWithQuotesAndCommas() {
        assertEquals(List.of("a", "Köln, Stadt", "say \"hi\"", ""), Csv.fields("a,\"Köln, Stadt\",\"say \"\"hi\"\"\","));
    }
}
