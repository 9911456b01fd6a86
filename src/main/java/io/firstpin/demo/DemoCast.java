package io.firstpin.demo;

import io.firstpin.demo.DemoPlan.Identity;
import io.firstpin.demo.DemoPlan.IdentityKind;
import io.firstpin.demo.DemoPlan.Person;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The people of the demo organization: Japanese-looking names, handles and identities, and the traits that drive
 * their behaviour (where they live, which topic they care about, how keen they are).
 */
final class DemoCast {

    private static final String[][] SURNAMES = {
        {"佐藤", "sato"}, {"鈴木", "suzuki"}, {"高橋", "takahashi"}, {"田中", "tanaka"}, {"伊藤", "ito"},
        {"渡辺", "watanabe"}, {"山本", "yamamoto"}, {"中村", "nakamura"}, {"小林", "kobayashi"}, {"加藤", "kato"},
        {"吉田", "yoshida"}, {"山田", "yamada"}, {"佐々木", "sasaki"}, {"山口", "yamaguchi"}, {"松本", "matsumoto"},
        {"井上", "inoue"}, {"木村", "kimura"}, {"林", "hayashi"}, {"斎藤", "saito"}, {"清水", "shimizu"},
        {"山崎", "yamazaki"}, {"森", "mori"}, {"池田", "ikeda"}, {"橋本", "hashimoto"}, {"阿部", "abe"},
        {"石川", "ishikawa"}, {"山下", "yamashita"}, {"中島", "nakajima"}, {"石井", "ishii"}, {"小川", "ogawa"},
        {"前田", "maeda"}, {"岡田", "okada"}, {"長谷川", "hasegawa"}, {"藤田", "fujita"}, {"後藤", "goto"},
        {"近藤", "kondo"}, {"村上", "murakami"}, {"遠藤", "endo"}, {"青木", "aoki"}, {"坂本", "sakamoto"},
        {"福田", "fukuda"}, {"太田", "ota"}, {"西村", "nishimura"}, {"藤井", "fujii"}, {"金子", "kaneko"},
        {"岡本", "okamoto"}, {"藤原", "fujiwara"}, {"中野", "nakano"}, {"三浦", "miura"}, {"原田", "harada"},
        {"中川", "nakagawa"}, {"松田", "matsuda"}, {"竹内", "takeuchi"}, {"小野", "ono"}, {"田村", "tamura"},
        {"中山", "nakayama"}, {"和田", "wada"}, {"石田", "ishida"}, {"森田", "morita"}, {"上田", "ueda"},
        {"原", "hara"}, {"柴田", "shibata"}, {"酒井", "sakai"}, {"工藤", "kudo"}, {"横山", "yokoyama"},
        {"宮崎", "miyazaki"}, {"宮本", "miyamoto"}, {"内田", "uchida"}, {"高木", "takagi"}, {"安藤", "ando"},
        {"島田", "shimada"}, {"谷口", "taniguchi"}, {"大野", "ono"}, {"丸山", "maruyama"}, {"今井", "imai"},
        {"比嘉", "higa"}, {"金城", "kinjo"}, {"大城", "oshiro"}, {"菅原", "sugawara"}, {"千葉", "chiba"},
    };

    private static final String[][] GIVEN_NAMES = {
        {"太郎", "taro"}, {"翔太", "shota"}, {"大輔", "daisuke"}, {"健太", "kenta"}, {"拓也", "takuya"},
        {"直樹", "naoki"}, {"亮", "ryo"}, {"誠", "makoto"}, {"聡", "satoshi"}, {"浩二", "koji"},
        {"隆", "takashi"}, {"達也", "tatsuya"}, {"翔", "sho"}, {"蓮", "ren"}, {"悠斗", "yuto"},
        {"大樹", "daiki"}, {"和也", "kazuya"}, {"雄一", "yuichi"}, {"俊介", "shunsuke"}, {"慎也", "shinya"},
        {"智也", "tomoya"}, {"健一", "kenichi"}, {"一郎", "ichiro"}, {"陽介", "yosuke"}, {"康平", "kohei"},
        {"優太", "yuta"}, {"航", "wataru"}, {"湊", "minato"}, {"陽翔", "haruto"}, {"樹", "itsuki"},
        {"花子", "hanako"}, {"陽子", "yoko"}, {"美咲", "misaki"}, {"彩", "aya"}, {"愛", "ai"},
        {"舞", "mai"}, {"真由美", "mayumi"}, {"恵", "megumi"}, {"由美", "yumi"}, {"裕子", "yuko"},
        {"明美", "akemi"}, {"さくら", "sakura"}, {"葵", "aoi"}, {"結衣", "yui"}, {"陽菜", "hina"},
        {"美穂", "miho"}, {"千尋", "chihiro"}, {"奈々", "nana"}, {"沙織", "saori"}, {"理恵", "rie"},
        {"香織", "kaori"}, {"友美", "tomomi"}, {"智子", "tomoko"}, {"紗希", "saki"}, {"遥", "haruka"},
        {"芽衣", "mei"}, {"凛", "rin"}, {"栞", "shiori"}, {"菜摘", "natsumi"}, {"純一", "junichi"},
    };

    private static final String[] HANDLE_PREFIXES = {
        "cloud", "lambda", "sls", "ecs", "cdk", "kumo", "fargate", "s3", "dynamo", "infra", "sre", "devops",
    };

    private static final double[] SURNAME_WEIGHTS = surnameWeights();

    final List<Person> people;
    /** Position of the regional branch near where the member lives, in the community list. */
    final int[] home;
    /** Position of the topic branch the member cares about, or -1. */
    final int[] topic;
    /** Chance of picking this member among people who could come again: most are low, a few are very keen. */
    final double[] heat;
    /** How long a member keeps coming after the first visit, in days. */
    final double[] lifetimeDays;
    /** Non-staff members in the order they discover the community. */
    final int[] arrival;
    /** Positions of the vendor's employees. */
    final int[] staff;

    private DemoCast(List<Person> people, int[] home, int[] topic, double[] heat, double[] lifetimeDays, int[] arrival,
            int[] staff) {
        this.people = people;
        this.home = home;
        this.topic = topic;
        this.heat = heat;
        this.lifetimeDays = lifetimeDays;
        this.arrival = arrival;
        this.staff = staff;
    }

    static int staffCount(int members) {
        return Math.max(4, Math.min(150, members / 200));
    }

    static DemoCast cast(int members, List<DemoCommunities.Spec> communities, SplittableRandom random) {
        int[] order = permutation(members, random);
        int staffCount = staffCount(members);
        int[] staff = new int[staffCount];
        System.arraycopy(order, 0, staff, 0, staffCount);
        int[] arrival = new int[members - staffCount];
        System.arraycopy(order, staffCount, arrival, 0, arrival.length);
        boolean[] isStaff = new boolean[members];
        for (int s : staff) {
            isStaff[s] = true;
        }

        double[] regionalWeights = new double[communities.size()];
        for (int c = 0; c < communities.size(); c++) {
            regionalWeights[c] = communities.get(c).regional() ? communities.get(c).population() : 0;
        }
        Map<IdentityKind, Set<String>> taken = new EnumMap<>(IdentityKind.class);
        for (IdentityKind kind : IdentityKind.values()) {
            taken.put(kind, new HashSet<>());
        }

        List<Person> people = new ArrayList<>(members);
        int[] home = new int[members];
        int[] topic = new int[members];
        double[] heat = new double[members];
        double[] lifetime = new double[members];
        for (int m = 0; m < members; m++) {
            home[m] = pick(regionalWeights, random);
            topic[m] = isStaff[m] ? -1 : pickTopic(communities, random);
            double u = random.nextDouble();
            heat[m] = 0.01 + 0.99 * u * u * u * u;
            lifetime[m] = 60 + exponential(random) * (120 + 900 * heat[m]);
            people.add(person(isStaff[m], heat[m], taken, random));
        }
        return new DemoCast(List.copyOf(people), home, topic, heat, lifetime, arrival, staff);
    }

    private static Person person(boolean staff, double heat, Map<IdentityKind, Set<String>> taken,
            SplittableRandom random) {
        String[] surname = SURNAMES[pick(SURNAME_WEIGHTS, random)];
        String[] given = GIVEN_NAMES[random.nextInt(GIVEN_NAMES.length)];
        String s = surname[1];
        String g = given[1];
        String handle = unique(taken.get(IdentityKind.CONNPASS), handleBase(s, g, random), random);

        double style = random.nextDouble();
        String displayName;
        if (style < 0.55) {
            displayName = surname[0] + " " + given[0];
        } else if (style < 0.85) {
            displayName = surname[0] + given[0];
        } else if (style < 0.93) {
            displayName = handle;
        } else {
            displayName = capitalize(g) + " " + capitalize(s);
        }

        List<Identity> identities = new ArrayList<>(4);
        String email = unique(taken.get(IdentityKind.EMAIL), emailLocal(s, g, handle, random), random)
                + "@" + (staff ? "corp.example.com" : random.nextDouble() < 0.55 ? "example.com" : "example.jp");
        String shownEmail = random.nextDouble() < 0.05 ? capitalize(email) : email;
        identities.add(identity(IdentityKind.EMAIL, shownEmail));
        if (random.nextDouble() < (staff ? 0.7 : 0.85)) {
            identities.add(identity(IdentityKind.CONNPASS, handle));
        }
        if (random.nextDouble() < 0.55) {
            String base = random.nextDouble() < 0.6 ? handle : handleBase(s, g, random);
            String x = unique(taken.get(IdentityKind.X), base, random);
            identities.add(identity(IdentityKind.X, x));
        }
        if (random.nextDouble() < (staff ? 0.4 : 0.3)) {
            String base = random.nextDouble() < 0.5 ? handle : capitalize(g) + capitalize(s);
            identities.add(identity(IdentityKind.GITHUB, unique(taken.get(IdentityKind.GITHUB), base, random)));
        }
        if (random.nextDouble() < 0.12) {
            String bluesky = unique(taken.get(IdentityKind.BLUESKY), handle.replace('_', '-') + ".bsky.social", random);
            identities.add(identity(IdentityKind.BLUESKY, bluesky));
        }
        if (random.nextDouble() < 0.05 + 0.3 * heat) {
            String feed = random.nextDouble() < 0.5
                    ? "https://" + handle.replace('_', '-') + ".example.jp/feed"
                    : "https://blog.example.com/" + handle + "/rss.xml";
            identities.add(identity(IdentityKind.FEED, unique(taken.get(IdentityKind.FEED), feed, random)));
        }
        return new Person(displayName, staff, handle, shownEmail, List.copyOf(identities));
    }

    /**
     * Lower-cased and trimmed, without a leading {@code @}: how the member module looks identities up. Values are
     * stored the way that module keeps them, handles without their {@code @}.
     */
    static String normalize(String value) {
        String normalized = value.strip().toLowerCase(Locale.ROOT);
        return normalized.startsWith("@") ? normalized.substring(1) : normalized;
    }

    private static Identity identity(IdentityKind kind, String value) {
        return new Identity(kind, value, normalize(value));
    }

    /** Reserves a value whose normalized form nobody else of the kind has, adding digits as people do. */
    private static String unique(Set<String> taken, String base, SplittableRandom random) {
        String candidate = base;
        boolean plain = random.nextDouble() < 0.75;
        while (!plain || !taken.add(normalize(candidate))) {
            plain = true;
            candidate = withSuffix(base, String.valueOf(10 + random.nextInt(9_990)));
        }
        return candidate;
    }

    private static String withSuffix(String base, String suffix) {
        int at = base.indexOf(".bsky.social");
        if (at > 0) {
            return base.substring(0, at) + suffix + base.substring(at);
        }
        if (base.startsWith("https://")) {
            return base.replaceFirst("(feed|rss\\.xml)$", suffix + "/$1");
        }
        return base + suffix;
    }

    private static String handleBase(String s, String g, SplittableRandom random) {
        switch (random.nextInt(7)) {
            case 0:
                return g + "_" + s;
            case 1:
                return s + "_" + g;
            case 2:
                return g.charAt(0) + s;
            case 3:
                return s + g.charAt(0);
            case 4:
                return g + s.charAt(0);
            case 5:
                return HANDLE_PREFIXES[random.nextInt(HANDLE_PREFIXES.length)] + "_" + g;
            default:
                return s.substring(0, Math.min(4, s.length())) + g.substring(0, Math.min(3, g.length()));
        }
    }

    private static String emailLocal(String s, String g, String handle, SplittableRandom random) {
        switch (random.nextInt(5)) {
            case 0:
                return g + "." + s;
            case 1:
                return s + "." + g;
            case 2:
                return g.charAt(0) + "." + s;
            case 3:
                return s + "-" + g;
            default:
                return handle.replace('_', '.');
        }
    }

    private static String capitalize(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static int pickTopic(List<DemoCommunities.Spec> communities, SplittableRandom random) {
        double u = random.nextDouble();
        for (int c = 0; c < communities.size(); c++) {
            DemoCommunities.Spec spec = communities.get(c);
            if (spec.type() == DemoCommunities.Type.TOPIC) {
                u -= spec.population();
                if (u < 0) {
                    return c;
                }
            }
        }
        return -1;
    }

    static int pick(double[] weights, SplittableRandom random) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double u = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0 && weights[i] > 0) {
                return i;
            }
        }
        for (int i = weights.length - 1; i >= 0; i--) {
            if (weights[i] > 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("no positive weight");
    }

    static double exponential(SplittableRandom random) {
        return -Math.log(1 - random.nextDouble());
    }

    static int[] permutation(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** Common surnames are far more common: weight by rank, as in real name statistics. */
    private static double[] surnameWeights() {
        double[] weights = new double[SURNAMES.length];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = 1.0 / (i + 8);
        }
        return weights;
    }
}
