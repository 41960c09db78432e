package org.macm.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test vector printed in docs/TEMPLATES.md §5, so another implementation can check its
 * hash; read from the document itself, so the two cannot drift (docs/PROTOCOL.md's HELLO vector
 * uses this hash as its {@code catalog}).
 */
class CatalogHashVectorTest {
    static final String INDEX = """
            forms = ["ping.v1.toml"]
            sides = [{ code = "jp", ja = "日本側", zh-Hans = "日方", en = "Japanese" }]
            unit-types = [{ code = "vessel", domain = "sea", ja = "艦船", zh-Hans = "舰船", en = "vessel" }]
            """;
    static final String PING = """
            id = "ping"
            version = 1
            precedence = "ROUTINE"
            title = { ja = "試験", zh-Hans = "测试", en = "Ping" }

            [[fields]]
            name = "sent"
            type = "date-time"
            label = { ja = "発信日時", zh-Hans = "发出时间", en = "Sent" }

            [body]
            ja = "発信日時：{sent}"
            zh-Hans = "发出时间：{sent}"
            en = '''
            Sent: {sent}
            '''
            """;
    static final String CANONICAL = "{\"catalog\":\"macm-catalog-1\",\"forms\":[{\"body\":{\"en\":\"Sent: {sent}\","
            + "\"ja\":\"発信日時：{sent}\",\"zh-Hans\":\"发出时间：{sent}\"},\"fields\":[{\"label\":{\"en\":\"Sent\","
            + "\"ja\":\"発信日時\",\"zh-Hans\":\"发出时间\"},\"name\":\"sent\",\"required\":true,\"type\":{\"type\":"
            + "\"date-time\"}}],\"id\":\"ping\",\"ordered\":[],\"precedence\":\"ROUTINE\",\"title\":{\"en\":\"Ping\","
            + "\"ja\":\"試験\",\"zh-Hans\":\"测试\"},\"version\":1}],\"sides\":[{\"code\":\"jp\",\"label\":{\"en\":"
            + "\"Japanese\",\"ja\":\"日本側\",\"zh-Hans\":\"日方\"}}],\"unit-types\":[{\"code\":\"vessel\",\"domain\":"
            + "\"sea\",\"label\":{\"en\":\"vessel\",\"ja\":\"艦船\",\"zh-Hans\":\"舰船\"}}]}";

    static final String HASH = "43a1a93dba8b2529872a1ea6a1f21a529bfcb1cd234233e5fe6e237ce880c7af";

    @TempDir
    Path dir;

    @Test
    void theDocumentPrintsThisVector() throws IOException {
        String doc = Files.readString(Path.of(System.getProperty("macm.root", "..")).resolve("docs/TEMPLATES.md"),
                StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("\\*\\*Test vector\\*\\*.*?```\\n(.*?)\\n```\\s*\\nand the hash `([0-9a-f]{64})`",
                Pattern.DOTALL).matcher(doc);
        assertThat(m.find()).as("the catalog hash test vector in docs/TEMPLATES.md §5").isTrue();
        assertThat(m.group(1)).isEqualTo(CANONICAL);
        assertThat(m.group(2)).isEqualTo(HASH);
    }

    @Test
    void hash_isSha256OfTheCanonicalJson_asDocumented() throws IOException {
        Files.writeString(dir.resolve("catalog.toml"), INDEX);
        Files.writeString(dir.resolve("ping.v1.toml"), PING);
        Catalog catalog = Catalog.load(dir);
        assertThat(new String(catalog.canonicalBytes(), StandardCharsets.UTF_8)).isEqualTo(CANONICAL);
        assertThat(catalog.hash().hex()).isEqualTo(HASH);
    }
}
