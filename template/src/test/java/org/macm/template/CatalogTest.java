package org.macm.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in catalog, its hash, and what loading a catalog directory reports. */
class CatalogTest {
    /**
     * The built-in catalog's hash. A change to any form, label, body or vocabulary changes it;
     * update this constant deliberately, together with the goldens, and tell the peer: both
     * stations must deploy the same catalog.
     */
    static final String BUILT_IN_HASH = "cd1b8a0c92f49ceec010126312d36efb191aa7e5a7b6bf29eb82740d60de0947";

    @TempDir
    Path dir;

    private static String resource(String name) throws IOException {
        try (InputStream in = Catalog.class.getResourceAsStream("/org/macm/template/catalog/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Copies the built-in catalog into {@link #dir}, returning the form file names. */
    private List<String> copyBuiltIn() throws IOException {
        List<String> names = new ArrayList<>();
        Files.writeString(dir.resolve("catalog.toml"), resource("catalog.toml"));
        for (Form form : Catalog.builtIn().forms()) {
            String name = form.id() + ".v" + form.version() + ".toml";
            Files.writeString(dir.resolve(name), resource(name));
            names.add(name);
        }
        return names;
    }

    private void edit(String name, String from, String to) throws IOException {
        Path file = dir.resolve(name);
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    private List<String> problems() {
        try {
            Catalog.load(dir);
        } catch (CatalogException e) {
            return e.problems();
        }
        throw new AssertionError("expected the catalog in " + dir + " to be refused");
    }

    @Test
    void builtIn_holdsTheAgreedForms() {
        assertThat(Catalog.builtIn().forms()).extracting(Form::key).containsExactly(
                "callback-request v1", "encounter-notice v1", "exercise-area-notice v1", "free-text v1",
                "incident-report v1", "intentions-reply v1", "intentions-request v1", "link-test v1",
                "link-test-reply v1", "meeting-proposal v1", "receipt-ack v1", "sar-request v1", "zone-entry-notice v1");
    }

    @Test
    void builtIn_hashIsPinned_soAnyCatalogChangeIsADeliberateTestUpdate() {
        assertThat(Catalog.builtIn().hash().hex()).isEqualTo(BUILT_IN_HASH);
    }

    @Test
    void load_copyOfBuiltIn_hasTheSameHash() throws IOException {
        copyBuiltIn();
        assertThat(Catalog.load(dir).hash()).isEqualTo(Catalog.builtIn().hash());
    }

    @Test
    void hash_ignoresLayout_commentsLineEndingsAndFileOrder() throws IOException {
        List<String> names = copyBuiltIn();
        for (String name : names) {
            Path file = dir.resolve(name);
            String text = "# reformatted copy\n\n" + Files.readString(file).replace("\n", "\r\n")
                    .replace("label = {", "label   =   {");
            Files.writeString(file, text);
        }
        String index = Files.readString(dir.resolve("catalog.toml"));
        Files.writeString(dir.resolve("catalog.toml"), index.replace("  \"encounter-notice.v1.toml\",\n", "")
                .replace("  \"free-text.v1.toml\",\n", "  \"free-text.v1.toml\",\n  \"encounter-notice.v1.toml\",\n"));
        assertThat(Catalog.load(dir).hash()).isEqualTo(Catalog.builtIn().hash());
    }

    @Test
    void hash_changesWhenALabelChanges() throws IOException {
        copyBuiltIn();
        edit("link-test.v1.toml", "ja = \"回線試験\"", "ja = \"回線テスト\"");
        assertThat(Catalog.load(dir).hash()).isNotEqualTo(Catalog.builtIn().hash());
    }

    @Test
    void hash_changesWhenAnOptionalFieldBecomesRequired() throws IOException {
        copyBuiltIn();
        edit("link-test.v1.toml", "name = \"replyBy\"\ntype = \"date-time\"\nrequired = false",
                "name = \"replyBy\"\ntype = \"date-time\"");
        assertThat(Catalog.load(dir).hash()).isNotEqualTo(Catalog.builtIn().hash());
    }

    @Test
    void hash_sameWhenADefaultIsWrittenOut() throws IOException {
        copyBuiltIn();
        edit("link-test.v1.toml", "name = \"sent\"\ntype = \"date-time\"",
                "name = \"sent\"\ntype = \"date-time\"\nrequired = true");
        assertThat(Catalog.load(dir).hash()).isEqualTo(Catalog.builtIn().hash());
    }

    @Test
    void load_unknownKey_namesFileAndKeyPath() throws IOException {
        copyBuiltIn();
        edit("link-test.v1.toml", "label = { ja = \"試験番号\"", "labl = \"x\"\nlabel = { ja = \"試験番号\"");
        assertThat(problems()).containsExactly(
                "link-test.v1.toml: fields[0].labl: unknown key (known keys here: label, max, name, required, type)");
    }

    @Test
    void load_labelMissingALanguage_namesIt() throws IOException {
        copyBuiltIn();
        edit("link-test.v1.toml", "zh-Hans = \"线路测试\"\n", "");
        assertThat(problems()).containsExactly("link-test.v1.toml: title.zh-Hans: is missing");
    }

    @Test
    void load_bodyNamingAnUndeclaredField_isRefused() throws IOException {
        copyBuiltIn();
        edit("link-test.v1.toml", "Sent: {sent}", "Sent: {sent} {snet}");
        assertThat(problems()).containsExactly("link-test.v1.toml: body.en: {snet} is not a declared field");
    }

    @Test
    void load_bodyLeavingOutAField_isRefused_soNoTranslationDropsIt() throws IOException {
        copyBuiltIn();
        edit("link-test.v1.toml", "答复时限：{replyBy}\n", "");
        assertThat(problems()).containsExactly("link-test.v1.toml: body.zh-Hans: does not show field 'replyBy'; "
                + "every field must appear in every language");
    }

    @Test
    void load_unclosedPlaceholder_namesLineAndColumn() throws IOException {
        copyBuiltIn();
        edit("link-test.v1.toml", "Sent: {sent}", "Sent: {sent");
        assertThat(problems()).containsExactly("link-test.v1.toml: body.en: line 2, column 7: '{' is not closed "
                + "(write {{ for a literal brace)");
    }

    @Test
    void load_unknownFieldType_listsTheTypes() throws IOException {
        copyBuiltIn();
        edit("link-test.v1.toml", "type = \"count\"", "type = \"integer\"");
        // The allowed names are the table's, so a new type is listed without editing this test.
        assertThat(problems()).containsExactly("link-test.v1.toml: fields[0].type: is 'integer'; allowed: "
                + String.join(", ", FieldTypes.names()));
        assertThat(problems().getFirst()).contains("allowed: position, date-time, duration, unit, course, speed, ");
    }

    @Test
    void load_fileNotListedInIndex_isReported() throws IOException {
        copyBuiltIn();
        Files.writeString(dir.resolve("stray.v1.toml"), "id = \"stray\"\n");
        assertThat(problems()).containsExactly("catalog.toml: forms: does not list stray.v1.toml, which is in the "
                + "catalog folder (add it, or remove the file)");
    }

    @Test
    void load_fileNamedUnlikeItsForm_isReported() throws IOException {
        copyBuiltIn();
        edit("link-test.v1.toml", "version = 1", "version = 2");
        assertThat(problems()).containsExactly("link-test.v1.toml: a file holding link-test v2 must be named "
                + "link-test.v2.toml");
    }

    @Test
    void load_invalidToml_namesTheFileAndLine() throws IOException {
        copyBuiltIn();
        edit("link-test.v1.toml", "version = 1", "version = = 1");
        assertThat(problems()).singleElement().asString().startsWith("link-test.v1.toml: not valid TOML (line 4)");
    }

    @Test
    void load_notADirectory_saysWhatIsExpected() {
        assertThatThrownBy(() -> Catalog.load(dir.resolve("missing")))
                .isInstanceOf(CatalogException.class)
                .hasMessageEndingWith("missing is not a directory holding a catalog (catalog.toml and form files)");
    }

    @Test
    void describe_listsFieldsWithTypesAndLabels_forTemplateShow() {
        Catalog catalog = Catalog.builtIn();
        assertThat(catalog.describe(catalog.find("link-test", 1).orElseThrow(), Language.JA)).isEqualTo("""
                link-test v1: 回線試験
                precedence: ROUTINE
                fields:
                  testNumber (required, whole number 0 to 1000000000): 試験番号
                  sent (required, UTC date-time "YYYY-MM-DDThh:mm:ssZ"): 発信日時
                  replyBy (optional, UTC date-time "YYYY-MM-DDThh:mm:ssZ"): 回答期限""");
    }
}
