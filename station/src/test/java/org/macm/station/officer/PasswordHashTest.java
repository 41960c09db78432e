package org.macm.station.officer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PasswordHashTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    private static Password pw(String text) {
        return Password.of(text.toCharArray());
    }

    private static PasswordHash hash(String text) {
        try (Password p = pw(text)) {
            return PasswordHash.create(p, Argon2Cost.DEFAULT, RANDOM);
        }
    }

    @Test
    void verify_rightPassword_passes_wrongOrLastCharDifferent_throws() {
        PasswordHash h = hash("correct horse battery");
        assertThatNoException().isThrownBy(() -> h.verify(pw("correct horse battery")));
        assertThatThrownBy(() -> h.verify(pw("Tr0ub4dor&3 xyz"))).isInstanceOf(WrongPasswordException.class)
                .hasMessage("wrong officer name or password");
        assertThatThrownBy(() -> h.verify(pw("correct horse batterz"))).isInstanceOf(WrongPasswordException.class);
        assertThatThrownBy(() -> h.verify(pw("correct horse battery "))).isInstanceOf(WrongPasswordException.class);
    }

    @Test
    void encoded_isPhcArgon2id_withItsParameters_andVerifiesAfterParsing() {
        String encoded = hash("correct horse battery").encoded();
        assertThat(encoded).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThatNoException().isThrownBy(() -> PasswordHash.parse(encoded).verify(pw("correct horse battery")));
    }

    @Test
    void samePassword_hashedTwice_differs_becauseOfTheSalt() {
        assertThat(hash("correct horse battery").encoded()).isNotEqualTo(hash("correct horse battery").encoded());
    }

    @Test
    void hashMadeAtAnotherCost_stillVerifies_andKnowsItIsWeaker() {
        Argon2Cost low = new Argon2Cost(1024, 1, 1);
        PasswordHash h;
        try (Password p = pw("correct horse battery")) {
            h = PasswordHash.create(p, low, RANDOM);
        }
        PasswordHash read = PasswordHash.parse(h.encoded());
        assertThat(read.encoded()).startsWith("$argon2id$v=19$m=1024,t=1,p=1$");
        assertThatNoException().isThrownBy(() -> read.verify(pw("correct horse battery")));
        assertThat(read.cost().weakerThan(Argon2Cost.DEFAULT)).isTrue();
    }

    @Test
    void referenceVector_ofTheArgon2Authors_verifies_andAnotherPasswordDoesNot() {
        // The argon2id check in phc-winner-argon2's src/test.c: password "password", salt "somesalt", m=64 MiB, t=2, p=1.
        PasswordHash h = PasswordHash.parse(
                "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc");
        assertThatNoException().isThrownBy(() -> h.verify(pw("password")));
        assertThatThrownBy(() -> h.verify(pw("passwore"))).isInstanceOf(WrongPasswordException.class);
    }

    @Test
    void toString_namesTheCost_neverTheSaltOrTag() {
        PasswordHash h = hash("correct horse battery");
        String encoded = h.encoded();
        String salt = encoded.substring(encoded.lastIndexOf('$', encoded.lastIndexOf('$') - 1) + 1, encoded.lastIndexOf('$'));
        String tag = encoded.substring(encoded.lastIndexOf('$') + 1);
        assertThat(h.toString()).isEqualTo("argon2id(m=19456,t=2,p=1)").doesNotContain(salt).doesNotContain(tag);
    }

    @Test
    void parse_otherAlgorithms_areRefused() {
        assertThatThrownBy(() -> PasswordHash.parse("$argon2i$v=19$m=1024,t=2,p=1$c29tZXNhbHQ$Nb2TFuXtWfwwzeZPPZrDWPIgN8qGqKKRYdpHo5ERhkI"))
                .hasMessage("not an Argon2id password hash in PHC form ($argon2id$v=19$m=…,t=…,p=…$salt$hash)");
        assertThatThrownBy(() -> PasswordHash.parse("$argon2id$v=19$m=99999999,t=2,p=1$c29tZXNhbHQ$Nb2TFuXtWfwwzeZPPZrDWPIgN8qGqKKRYdpHo5ERhkI"))
                .hasMessage("Argon2 memory 99999999 KiB is out of range 8-1048576 KiB");
    }

    @Test
    void newPassword_shortOrBlank_isRefused_twelveCharacters_pass() {
        assertThatThrownBy(() -> pw("elevenchars").checkNew())
                .hasMessage("the password is too short: use at least 12 characters");
        assertThatThrownBy(() -> pw("              ").checkNew())
                .hasMessage("the password is blank: give one of at least 12 characters");
        assertThatNoException().isThrownBy(() -> pw("twelve chars").checkNew());
    }

    @Test
    void password_afterClose_isWiped_andCannotBeUsed() {
        Password p = pw("correct horse battery");
        PasswordHash h = hash("correct horse battery");
        p.close();
        assertThatThrownBy(() -> h.verify(p)).isInstanceOf(IllegalStateException.class)
                .hasMessage("this password was wiped");
    }
}
