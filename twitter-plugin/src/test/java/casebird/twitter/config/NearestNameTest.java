package casebird.twitter.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NearestNameTest {

    @Test
    void distanceCountsSingleCharacterEdits() {
        assertEquals(0, NearestName.distance("poll", "poll"));
        assertEquals(1, NearestName.distance("poll", "pol"));
        assertEquals(1, NearestName.distance("poll", "pull"));
        assertEquals(3, NearestName.distance("kitten", "sitting"));
        assertEquals(4, NearestName.distance("", "abcd"));
    }

    @Test
    void nearestIsTheClosestWhenItIsALikelyTypo() {
        List<String> names = List.of("poll-interval", "retry-base", "retry-cap");

        assertEquals(Optional.of("retry-cap"), NearestName.among(names, "Retry-Cp"));
        assertEquals(Optional.empty(), NearestName.among(names, "colour"));
    }
}
