package org.macm.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.macm.core.MacmException;

class FingerprintTest {
    @Test
    void fingerprint_isEightGroupsOfFourUnambiguousCharacters() {
        Fingerprint f = Fingerprint.of("identity", "jp-mod".getBytes(StandardCharsets.UTF_8), new byte[32]);
        assertThat(f.text()).matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){7}");
    }

    @Test
    void fingerprint_dependsOnEveryPartAndOnTheirBoundaries() {
        Fingerprint ab = Fingerprint.of("identity", "ab".getBytes(StandardCharsets.UTF_8), "c".getBytes(StandardCharsets.UTF_8));
        Fingerprint a_bc = Fingerprint.of("identity", "a".getBytes(StandardCharsets.UTF_8), "bc".getBytes(StandardCharsets.UTF_8));
        Fingerprint otherLabel = Fingerprint.of("ed25519", "ab".getBytes(StandardCharsets.UTF_8), "c".getBytes(StandardCharsets.UTF_8));
        assertThat(ab).isNotEqualTo(a_bc).isNotEqualTo(otherLabel);
        assertThat(Fingerprint.of("identity", "ab".getBytes(StandardCharsets.UTF_8), "c".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(ab);
    }

    @Test
    void signingKey_neverPrintsItsSecret() {
        SigningKey k = SigningKey.fromSeed(new byte[32]);
        assertThat(k.toString()).contains("secret not shown").doesNotContain(java.util.Base64.getEncoder()
                .encodeToString(new byte[32]));
    }

    @Test
    void verifyingKey_rejectsWrongLengthAndNonPoints() {
        assertThatThrownBy(() -> VerifyingKey.fromBytes(new byte[31])).isInstanceOf(MacmException.class)
                .hasMessage("an Ed25519 public key has 32 bytes, this one has 31");
        byte[] notAPoint = new byte[32];
        notAPoint[0] = 2;
        assertThatThrownBy(() -> VerifyingKey.fromBytes(notAPoint)).hasMessageContaining("not a valid Ed25519 public key");
    }

    @Test
    void verify_truncatedSignature_throwsRatherThanReturningFalse() {
        SigningKey k = SigningKey.fromSeed(new byte[32]);
        byte[] sig = k.sign(new byte[] {1, 2, 3});
        assertThatThrownBy(() -> k.verifyingKey().verify(new byte[] {1, 2, 3}, java.util.Arrays.copyOf(sig, 63)))
                .isInstanceOf(SignatureException.class);
        k.verifyingKey().verify(new byte[] {1, 2, 3}, sig);
    }
}
