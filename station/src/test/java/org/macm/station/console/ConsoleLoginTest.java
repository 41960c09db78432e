package org.macm.station.console;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.macm.station.officer.OfficerRegistry;
import org.macm.station.officer.Password;
import org.macm.station.officer.Role;
import org.macm.station.run.StationRuntime;
import org.macm.template.Language;
import org.macm.testkit.TestClock;
import org.slf4j.LoggerFactory;

/**
 * Logging in and out of the console, against a running station whose console speaks
 * Japanese to strangers ({@code [console] language = "ja"}) and ends a session after ten
 * idle minutes: wrong passwords, lockout, session fixation, cookie attributes, CSRF on every
 * form, logout, the idle timeout (on a clock the test moves) and open redirects.
 */
class ConsoleLoginTest {
    private static final String OFFICER = "sato.ken";
    private static final String OTHER = "suzuki.aya";
    private static final String WRONG_PASSWORD_JA = "アカウント名またはパスワードが違います。";
    private static final String CSRF_JA = "このフォームは古いか、コンソールから送られたものではありません";

    @TempDir
    static Path tmp;

    private static final TestClock CLOCK = TestClock.running();
    @AutoClose
    private static StationRuntime station;

    @BeforeAll
    static void start() {
        station = ConsoleStations.startCn(tmp, CLOCK, (pair, cn) -> {
            ConsoleStations.officer(cn, OFFICER, "1等海佐 佐藤 健", Role.DUTY, Optional.empty());
            ConsoleStations.officer(cn, OTHER, "Cdr Suzuki Aya", Role.SUPERVISOR, Optional.of(Language.EN));
            ConsoleStations.consoleSection(cn, "language = \"ja\"", "idle-timeout = \"10m\"");
        });
    }

    private static ConsoleClient client() {
        return new ConsoleClient(station.consoleUrl());
    }

    private static ConsoleClient loggedIn(String name) {
        ConsoleClient c = client();
        ConsoleClient.Answer a = c.login(name, ConsoleStations.PASSWORD);
        assertThat(a.status()).as(a.toString()).isEqualTo(303);
        assertThat(a.location()).isEqualTo("/");
        return c;
    }

    @Test
    void wrongPassword_is401_withTheSentenceInTheStationsLanguage() {
        ConsoleClient c = client();
        ConsoleClient.Answer a = c.login(OFFICER, "not-the-password-1");
        assertThat(a.status()).isEqualTo(401);
        assertThat(a.body()).contains(WRONG_PASSWORD_JA).contains("<html lang=\"ja\"");
        assertThat(a.setCookie(ConsoleSite.SESSION_COOKIE)).isEmpty();
        assertThat(c.get("/").status()).isEqualTo(303);
    }

    @Test
    void rightPassword_opensTheConsole_inTheOfficersOwnLanguage() {
        ConsoleClient ja = loggedIn(OFFICER);
        assertThat(ja.get("/").body()).contains("<html lang=\"ja\"").contains("1等海佐 佐藤 健").contains(">通信</a>");
        ConsoleClient en = loggedIn(OTHER);
        assertThat(en.get("/").body()).contains("<html lang=\"en\"").contains(">Traffic</a>");
    }

    @Test
    void fiveWrongPasswords_lockTheAccountOut_evenForTheRightOne_withOneWarnLine(@TempDir Path own) {
        Logger throttle = (Logger) LoggerFactory.getLogger(LoginThrottle.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        throttle.addAppender(log);
        // A station of its own: the lockout also locks the address 127.0.0.1, which would lock the other tests out.
        try (StationRuntime alone = ConsoleStations.startCn(own, Clock.systemUTC(),
                (pair, cn) -> ConsoleStations.officer(cn, "wang.hao", "Lt Col Wang Hao", Role.DUTY, Optional.empty()))) {
            ConsoleClient c = new ConsoleClient(alone.consoleUrl());
            for (int i = 1; i <= LoginThrottle.MAX_FAILURES; i++) {
                ConsoleClient.Answer a = c.login("wang.hao", "guess-number-" + i);
                assertThat(a.status()).as("guess " + i).isEqualTo(401);
                assertThat(a.body()).contains("Wrong account name or password.");
            }
            ConsoleClient.Answer right = c.login("wang.hao", ConsoleStations.PASSWORD);
            assertThat(right.status()).isEqualTo(429);
            assertThat(right.body()).contains("Too many wrong passwords: logins for this account are locked until ");
            assertThat(right.setCookie(ConsoleSite.SESSION_COOKIE)).isEmpty();
            assertThat(c.get("/").status()).isEqualTo(303);
        } finally {
            throttle.detachAppender(log);
        }
        List<ILoggingEvent> warnings = log.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).getFormattedMessage()).contains("locked out", "'wang.hao'", "127.0.0.1")
                .doesNotContain("guess-number").doesNotContain("\n");
    }

    @Test
    void sessionFixation_aCookiePlantedBeforeLogin_isNotTheSessionAfterIt() {
        ConsoleClient c = client();
        c.plantCookie(ConsoleSite.SESSION_COOKIE, "planted-by-someone-else");
        ConsoleClient.Answer a = c.login(OFFICER, ConsoleStations.PASSWORD);
        assertThat(a.status()).isEqualTo(303);
        String after = c.cookie(ConsoleSite.SESSION_COOKIE).orElseThrow();
        assertThat(after).isNotEqualTo("planted-by-someone-else").hasSizeGreaterThanOrEqualTo(43);
        assertThat(c.get("/").status()).isEqualTo(200);
    }

    @Test
    void sessionFixation_aLiveSessionPlantedBeforeLogin_isEndedByTheLogin() {
        // An insider logs in, plants his own live session id in the victim's browser, waits for the victim.
        ConsoleClient insider = loggedIn(OTHER);
        String planted = insider.cookie(ConsoleSite.SESSION_COOKIE).orElseThrow();
        ConsoleClient victim = client();
        victim.plantCookie(ConsoleSite.SESSION_COOKIE, planted);
        assertThat(victim.login(OFFICER, ConsoleStations.PASSWORD).status()).isEqualTo(303);
        assertThat(victim.cookie(ConsoleSite.SESSION_COOKIE)).get().isNotEqualTo(planted);
        assertThat(victim.get("/").body()).contains("1等海佐 佐藤 健");
        ConsoleClient.Answer replay = insider.get("/");
        assertThat(replay.status()).isEqualTo(303);
        assertThat(replay.location()).isEqualTo("/login?expired");
    }

    @Test
    void cookies_areHttpOnlyAndSameSiteStrict_andNotSecureOverPlainHttp() {
        ConsoleClient c = client();
        List<String> ticket = c.get("/login").setCookie(ConsoleSite.LOGIN_COOKIE);
        ConsoleClient.Answer login = c.loginTo(OFFICER, ConsoleStations.PASSWORD, Map.of());
        List<String> session = login.setCookie(ConsoleSite.SESSION_COOKIE);
        assertThat(ticket).hasSize(1);
        assertThat(session).hasSize(1);
        for (String cookie : List.of(ticket.get(0), session.get(0))) {
            assertThat(cookie).as(cookie).containsIgnoringCase("; HttpOnly").containsIgnoringCase("SameSite=Strict")
                    .doesNotContainIgnoringCase("Secure;").doesNotEndWithIgnoringCase("Secure");
        }
        assertThat(session.get(0)).contains("Path=/");
        assertThat(ticket.get(0)).contains("Path=/login");
    }

    @Test
    void loginForm_withoutOrWithAWrongCsrf_is403() {
        for (Map<String, String> form : List.of(
                Map.of("username", OFFICER, "password", ConsoleStations.PASSWORD),
                Map.of("username", OFFICER, "password", ConsoleStations.PASSWORD, "csrf", "forged"),
                Map.of("username", OFFICER, "password", ConsoleStations.PASSWORD, "csrf", ""))) {
            ConsoleClient c = client();
            c.get("/login");
            ConsoleClient.Answer a = c.postExactly("/login", form);
            assertThat(a.status()).as(form.keySet().toString()).isEqualTo(403);
            assertThat(a.body()).contains(CSRF_JA);
            assertThat(a.setCookie(ConsoleSite.SESSION_COOKIE)).isEmpty();
        }
        // The login page's token is bound to that browser's ticket cookie: copied to another browser it is worth nothing.
        String stolen = client().get("/login").csrf().orElseThrow();
        ConsoleClient other = client();
        assertThat(other.postExactly("/login", Map.of("username", OFFICER, "password", ConsoleStations.PASSWORD,
                "csrf", stolen)).status()).isEqualTo(403);
    }

    @Test
    void aSecondLoginPage_anotherTabOrTheFaviconRedirect_doesNotMakeTheOpenFormStale() {
        ConsoleClient c = client();
        String first = c.get("/login").csrf().orElseThrow();
        assertThat(c.get("/favicon.ico").location()).startsWith("/login");
        assertThat(c.get("/login?next=%2Ffavicon.ico").csrf()).contains(first);
        ConsoleClient.Answer a = c.postExactly("/login", Map.of("username", OFFICER, "password", ConsoleStations.PASSWORD,
                "csrf", first));
        assertThat(a.status()).isEqualTo(303);
    }

    @Test
    void everyPostRoute_withoutOrWithAWrongCsrf_is403_andChangesNothing() {
        ConsoleClient c = loggedIn(OFFICER);
        ConsoleClient other = loggedIn(OTHER);
        List<String> posts = new java.util.ArrayList<>(List.of("/logout"));
        station.console().site().routes().stream().filter(r -> !r.method().equals("GET"))
                .forEach(r -> posts.add(r.path().replaceAll("\\{[^}]+}", "1")));
        ConsoleAlarm alarm = station.console().alarms().raise(ConsoleAlarm.Kind.LINK_DOWN, "common.alarm.linkDown",
                List.of("jp-mod"), "/link");
        posts.add("/alarms/" + alarm.id() + "/dismiss");
        for (String path : posts) {
            for (Map<String, String> form : List.<Map<String, String>>of(Map.of(), Map.of("csrf", "forged"),
                    Map.of("csrf", other.csrf()))) {
                ConsoleClient.Answer a = c.postExactly(path, form);
                assertThat(a.status()).as(path + " " + form.keySet()).isEqualTo(403);
                assertThat(a.body()).as(path).contains(CSRF_JA);
            }
            ConsoleClient.Answer header = c.postExactly(path, Map.of(), Map.of("X-CSRF-Token", "forged", "HX-Request", "true"));
            assertThat(header.status()).as(path + " from htmx with a forged header").isEqualTo(403);
        }
        assertThat(station.console().alarms().active()).extracting(ConsoleAlarm::id).contains(alarm.id());
        assertThat(c.get("/").status()).as("still logged in").isEqualTo(200);
        assertThat(c.post("/alarms/" + alarm.id() + "/dismiss", Map.of()).status()).as("with the token").isEqualTo(303);
        assertThat(station.console().alarms().active()).extracting(ConsoleAlarm::id).doesNotContain(alarm.id());
    }

    @Test
    void logout_endsTheSession_andTheOldIdOpensNothing() {
        ConsoleClient c = loggedIn(OFFICER);
        String id = c.cookie(ConsoleSite.SESSION_COOKIE).orElseThrow();
        ConsoleClient.Answer out = c.post("/logout", Map.of());
        assertThat(out.status()).isEqualTo(303);
        assertThat(out.location()).isEqualTo("/login?bye");
        assertThat(c.get(out.location()).body()).contains("ログアウトしました");
        assertThat(c.get("/").status()).isEqualTo(303);
        ConsoleClient replay = client();
        replay.plantCookie(ConsoleSite.SESSION_COOKIE, id);
        ConsoleClient.Answer a = replay.get("/");
        assertThat(a.status()).isEqualTo(303);
        assertThat(a.location()).isEqualTo("/login?expired");
    }

    @Test
    void idleSession_endsAfterTheConfiguredTimeout_andTheLoginPageSaysWhy() {
        ConsoleClient c = loggedIn(OFFICER);
        CLOCK.advance(Duration.ofMinutes(9));
        assertThat(c.get("/").status()).as("9 idle minutes of 10").isEqualTo(200);
        CLOCK.advance(Duration.ofMinutes(9));
        assertThat(c.get("/").status()).as("used 9 minutes ago").isEqualTo(200);
        CLOCK.advance(Duration.ofMinutes(10).plusSeconds(1));
        ConsoleClient.Answer htmx = c.get("/traffic/rows", Map.of("HX-Request", "true"));
        assertThat(htmx.status()).isEqualTo(401);
        assertThat(htmx.header("HX-Redirect")).contains("/login?expired");
        ConsoleClient.Answer page = c.get("/");
        assertThat(page.status()).isEqualTo(303);
        assertThat(page.location()).isEqualTo("/login?expired");
        assertThat(c.get(page.location()).body()).contains("10 分間操作がなかったためセッションが終了しました");
        CLOCK.advance(Duration.ofMinutes(10).plusSeconds(1));
        assertThat(c.get("/link").location()).as("back to the page asked for, after logging in again")
                .isEqualTo("/login?expired&next=%2Flink");
        assertThat(c.get("/link/panel", Map.of("HX-Request", "true", "HX-Current-URL", "http://127.0.0.1/link"))
                .header("HX-Redirect")).as("a fragment's page, not the fragment").hasValue("/login?expired&next=%2Flink");
    }

    @Test
    void anAccountDisabledWhileLoggedIn_losesItsSessionAtTheNextRequest_andCannotLogInAgain() {
        String name = "takeda.jun";
        OfficerRegistry registry = new OfficerRegistry(station.station().layout(), CLOCK, new java.security.SecureRandom());
        try (Password p = Password.of(ConsoleStations.PASSWORD.toCharArray())) {
            registry.add(name, "Lt Takeda Jun", Role.DUTY, Optional.empty(), p);
        }
        ConsoleClient c = loggedIn(name);
        assertThat(c.get("/").status()).isEqualTo(200);
        assertThat(registry.setEnabled(name, false)).isTrue(); // as 'macm officer disable' does, the station running
        ConsoleClient.Answer after = c.get("/");
        assertThat(after.status()).isEqualTo(303);
        assertThat(after.location()).isEqualTo("/login?expired");
        assertThat(client().login(name, ConsoleStations.PASSWORD).status()).as("a disabled account cannot log in")
                .isEqualTo(401);
    }

    @Test
    void next_neverLeavesTheConsole_openRedirectsAreRefused() {
        for (String evil : List.of("//evil.example", "//evil.example/", "https://evil.example/", "/\\evil.example",
                "\\\\evil.example", "javascript:alert(1)", "/\t/evil.example", "evil.example", "/login?next=//evil.example")) {
            ConsoleClient c = client();
            assertThat(c.get("/login?next=" + java.net.URLEncoder.encode(evil, java.nio.charset.StandardCharsets.UTF_8))
                    .body()).as(evil).contains("name=\"next\" value=\"/\"");
            ConsoleClient.Answer a = c.loginTo(OFFICER, ConsoleStations.PASSWORD, Map.of("next", evil));
            assertThat(a.status()).as(evil).isEqualTo(303);
            assertThat(a.location()).as(evil).isEqualTo("/");
        }
        assertThat(client().loginTo(OFFICER, ConsoleStations.PASSWORD, Map.of("next", "/traffic/rows")).location())
                .isEqualTo("/traffic/rows");
    }
}
