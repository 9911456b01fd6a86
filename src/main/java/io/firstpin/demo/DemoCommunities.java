package io.firstpin.demo;

import io.firstpin.platform.geo.Prefecture;
import java.util.ArrayList;
import java.util.List;

/** The communities of the demo organization: the national JAWS-UG and its branches, biggest first. */
final class DemoCommunities {

    enum Type { NATIONAL, REGIONAL, TOPIC }

    /**
     * @param key the slug's suffix and the handle used in URLs
     * @param population for a regional branch, its share of the members who live nearby; for a topic branch, the
     *        chance that a member cares about its topic
     * @param activity how many events it holds, relative to the others
     * @param scale how many people come to one of its events, relative to the others
     */
    record Spec(String key, String slug, String name, String hashtag, String interestAxis, Type type,
            Prefecture prefecture, String city, double population, double activity, double scale) {

        boolean regional() {
            return type == Type.REGIONAL;
        }
    }

    static final Spec NATIONAL = new Spec("jaws-ug", "jaws-ug", "JAWS-UG", "jawsug",
            "AWS を使う人・これから使いたい人のための全国ユーザーグループ。立場や経験を問わず、学んだことを持ち寄って共有し、"
                    + "勉強会・懇親会・ブログの三点セットで仲間を増やします。",
            Type.NATIONAL, Prefecture.TOKYO, "江東区", 0, 0, 1.6);

    private static final List<Spec> BRANCHES = List.of(
            regional("tokyo", "東京", Prefecture.TOKYO, "渋谷区", 36, 3.0, 2.2),
            regional("osaka", "大阪", Prefecture.OSAKA, "大阪市北区", 13, 2.0, 1.4),
            regional("fukuoka", "福岡", Prefecture.FUKUOKA, "福岡市博多区", 7, 1.5, 1.0),
            regional("sapporo", "札幌", Prefecture.HOKKAIDO, "札幌市中央区", 5, 1.2, 0.8),
            regional("nagoya", "名古屋", Prefecture.AICHI, "名古屋市中村区", 8, 1.3, 1.0),
            regional("okinawa", "沖縄", Prefecture.OKINAWA, "那覇市", 3, 0.9, 0.6),
            topic("beginners", "初心者支部", "jawsug_bgnr",
                    "AWS を触り始めたばかりの人、これから学ぶ人のための支部。「こんな初歩的なことを聞いていいのかな」を歓迎します。",
                    Prefecture.TOKYO, "品川区", 0.18, 1.3, 1.2),
            topic("containers", "コンテナ支部", "jawsug_container",
                    "ECS・EKS・Fargate などコンテナでサービスを運用している人、これから移行したい人のための支部です。",
                    Prefecture.TOKYO, "目黒区", 0.12, 1.1, 1.0),
            regional("sendai", "仙台", Prefecture.MIYAGI, "仙台市青葉区", 3, 0.8, 0.6),
            regional("hiroshima", "広島", Prefecture.HIROSHIMA, "広島市中区", 3, 0.8, 0.6),
            topic("serverless", "サーバーレス支部", "jawsug_sls",
                    "Lambda・Step Functions・EventBridge でサーバーを持たない設計を追いかける人のための支部です。",
                    Prefecture.TOKYO, "千代田区", 0.08, 0.9, 0.8),
            regional("kyoto", "京都", Prefecture.KYOTO, "京都市下京区", 3, 0.8, 0.6),
            regional("kobe", "神戸", Prefecture.HYOGO, "神戸市中央区", 3, 0.8, 0.6),
            topic("security", "セキュリティ支部", "jawsug_sec",
                    "クラウドのセキュリティとガバナンスを実務で担う人が、悩みと工夫を持ち寄る支部です。",
                    Prefecture.TOKYO, "港区", 0.07, 0.9, 0.8),
            regional("kanazawa", "金沢", Prefecture.ISHIKAWA, "金沢市", 2, 0.7, 0.5),
            regional("takamatsu", "高松", Prefecture.KAGAWA, "高松市", 2, 0.7, 0.5),
            topic("data", "データアナリティクス支部", "jawsug_data",
                    "データ基盤・分析・可視化に AWS を使う人のための支部。Athena から Redshift まで事例を共有します。",
                    Prefecture.TOKYO, "中央区", 0.07, 0.9, 0.8),
            regional("kumamoto", "熊本", Prefecture.KUMAMOTO, "熊本市中央区", 2, 0.7, 0.5),
            regional("kagoshima", "鹿児島", Prefecture.KAGOSHIMA, "鹿児島市", 2, 0.7, 0.5),
            topic("ai", "AI/ML支部", "jawsug_ai",
                    "生成 AI と機械学習をプロダクトに組み込む人のための支部。Bedrock や SageMaker の実践知を共有します。",
                    Prefecture.TOKYO, "新宿区", 0.08, 1.0, 0.9),
            regional("yokohama", "横浜", Prefecture.KANAGAWA, "横浜市西区", 4, 0.8, 0.6),
            regional("chiba", "千葉", Prefecture.CHIBA, "千葉市中央区", 3, 0.7, 0.5),
            topic("iot", "IoT支部", "jawsug_iot",
                    "デバイスとクラウドをつなぐ人のための支部。IoT Core やエッジの電子工作も歓迎です。",
                    Prefecture.TOKYO, "千代田区", 0.05, 0.7, 0.6),
            regional("saitama", "さいたま", Prefecture.SAITAMA, "さいたま市大宮区", 3, 0.7, 0.5),
            regional("niigata", "新潟", Prefecture.NIIGATA, "新潟市中央区", 2, 0.6, 0.5),
            topic("cdk", "CDK支部", "jawsug_cdk",
                    "AWS CDK でインフラをコードにする人のための支部。コンストラクトの設計から運用まで語り合います。",
                    Prefecture.TOKYO, "渋谷区", 0.06, 0.8, 0.7),
            regional("nagano", "長野", Prefecture.NAGANO, "長野市", 2, 0.6, 0.5),
            regional("shizuoka", "静岡", Prefecture.SHIZUOKA, "静岡市葵区", 2, 0.6, 0.5),
            topic("network", "ネットワーク支部", "jawsug_nw",
                    "VPC・Transit Gateway・ハイブリッド接続など、クラウドのネットワークを設計する人のための支部です。",
                    Prefecture.OSAKA, "大阪市中央区", 0.05, 0.7, 0.6),
            regional("okayama", "岡山", Prefecture.OKAYAMA, "岡山市北区", 2, 0.6, 0.5),
            regional("ehime", "愛媛", Prefecture.EHIME, "松山市", 2, 0.6, 0.5),
            regional("kochi", "高知", Prefecture.KOCHI, "高知市", 1, 0.5, 0.4),
            regional("nagasaki", "長崎", Prefecture.NAGASAKI, "長崎市", 1, 0.5, 0.4),
            regional("miyazaki", "宮崎", Prefecture.MIYAZAKI, "宮崎市", 1, 0.5, 0.4),
            regional("oita", "大分", Prefecture.OITA, "大分市", 1, 0.5, 0.4),
            regional("iwate", "岩手", Prefecture.IWATE, "盛岡市", 1, 0.5, 0.4),
            regional("akita", "秋田", Prefecture.AKITA, "秋田市", 1, 0.5, 0.4),
            regional("yamagata", "山形", Prefecture.YAMAGATA, "山形市", 1, 0.5, 0.4),
            regional("aomori", "青森", Prefecture.AOMORI, "青森市", 1, 0.5, 0.4),
            regional("toyama", "富山", Prefecture.TOYAMA, "富山市", 1, 0.5, 0.4),
            regional("gifu", "岐阜", Prefecture.GIFU, "岐阜市", 1, 0.5, 0.4),
            regional("mie", "三重", Prefecture.MIE, "津市", 1, 0.5, 0.4),
            regional("nara", "奈良", Prefecture.NARA, "奈良市", 1, 0.5, 0.4),
            regional("tokushima", "徳島", Prefecture.TOKUSHIMA, "徳島市", 1, 0.5, 0.4),
            regional("saga", "佐賀", Prefecture.SAGA, "佐賀市", 1, 0.5, 0.4),
            regional("yamaguchi", "山口", Prefecture.YAMAGUCHI, "山口市", 1, 0.5, 0.4));

    static final int MAX_BRANCHES = BRANCHES.size();

    private DemoCommunities() {
    }

    /** The national community first, then the first {@code branches} branches. */
    static List<Spec> withBranches(int branches) {
        List<Spec> all = new ArrayList<>(branches + 1);
        all.add(NATIONAL);
        all.addAll(BRANCHES.subList(0, branches));
        return List.copyOf(all);
    }

    private static Spec regional(String key, String place, Prefecture prefecture, String city, double population,
            double activity, double scale) {
        String axis = place + "とその周辺で AWS を使っている人、これから使いたい人が、業種や立場を越えて事例と学びを持ち寄る地域支部です。"
                + "はじめての方も、登壇してみたい方も歓迎します。";
        return new Spec(key, "jaws-ug-" + key, "JAWS-UG " + place, "jawsug_" + key, axis, Type.REGIONAL,
                prefecture, city, population, activity, scale);
    }

    private static Spec topic(String key, String name, String hashtag, String axis, Prefecture prefecture, String city,
            double population, double activity, double scale) {
        return new Spec(key, "jaws-ug-" + key, "JAWS-UG " + name, hashtag, axis, Type.TOPIC, prefecture, city,
                population, activity, scale);
    }
}
