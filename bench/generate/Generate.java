import bench.Ecosystem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.UUID;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Fills an existing workspace with a generated ecosystem (bench/generate/Ecosystem): into its first programme, up
 * to now. For a demo or a trial of the dashboards on a database of your own.
 */
public class Generate {

    public static void main(String[] args) throws Exception {
        String url = null;
        String user = "postgres";
        String password = "";
        String slug = null;
        Ecosystem.Size size = new Ecosystem.Size(10_000, 20_000_000L, 1_000_000, 100_000, 24);
        for (String arg : args) {
            String value = arg.substring(arg.indexOf('=') + 1);
            String number = value.replace("_", "").replace(",", "");
            if (arg.startsWith("--jdbc=")) {
                url = value;
            } else if (arg.startsWith("--user=")) {
                user = value;
            } else if (arg.startsWith("--password=")) {
                password = value;
            } else if (arg.startsWith("--workspace=")) {
                slug = value;
            } else if (arg.startsWith("--clicks=")) {
                size = new Ecosystem.Size(size.partners(), Long.parseLong(number), size.customers(), size.deals(), size.months());
            } else if (arg.startsWith("--partners=")) {
                size = new Ecosystem.Size(Integer.parseInt(number), size.clicks(), size.customers(), size.deals(), size.months());
            } else if (arg.startsWith("--customers=")) {
                size = new Ecosystem.Size(size.partners(), size.clicks(), Integer.parseInt(number), size.deals(), size.months());
            } else if (arg.startsWith("--deals=")) {
                size = new Ecosystem.Size(size.partners(), size.clicks(), size.customers(), Integer.parseInt(number), size.months());
            } else {
                throw new IllegalArgumentException("Unknown argument " + arg);
            }
        }
        if (url == null || slug == null) {
            throw new IllegalArgumentException("Give --jdbc=jdbc:postgresql://host:port/db and --workspace=slug");
        }
        PGSimpleDataSource data = new PGSimpleDataSource();
        data.setUrl(url);
        data.setUser(user);
        data.setPassword(password);
        UUID workspace;
        UUID program;
        try (Connection connection = data.getConnection();
                PreparedStatement find = connection.prepareStatement("""
                        select w.id, (select p.id from programs_program p where p.workspace_id = w.id
                                      order by p.created_at limit 1)
                        from identity_workspace w where w.slug = ?
                        """)) {
            find.setString(1, slug);
            try (ResultSet row = find.executeQuery()) {
                if (!row.next() || row.getObject(2) == null) {
                    throw new IllegalArgumentException("No workspace " + slug + " with a programme");
                }
                workspace = row.getObject(1, UUID.class);
                program = row.getObject(2, UUID.class);
            }
        }
        System.out.printf("generating into %s: %,d partners, %,d clicks, %,d customers, %,d deals%n", slug,
                size.partners(), size.clicks(), size.customers(), size.deals());
        System.out.printf("generated in %.1f s%n",
                new Ecosystem(data, workspace, program, Instant.now(), size).generate().toMillis() / 1000.0);
    }
}
