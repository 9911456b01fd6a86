package io.firstpin.demo;

import io.firstpin.demo.DemoCommunities.Spec;
import java.time.LocalDate;
import java.util.SplittableRandom;

/** Titles, venues and descriptions in the style of JAWS-UG connpass pages. Every company and venue is fictional. */
final class DemoTexts {

    private static final String[] THEMES = {
        "サーバーレス特集", "コンテナ運用の現場から", "セキュリティ最前線", "データ分析基盤を作る", "生成 AI 活用",
        "IoT とエッジ", "ネットワーク再入門", "コスト最適化", "re:Invent 振り返り", "初心者向けハンズオン",
        "マルチアカウント管理", "監視とオブザーバビリティ", "CI/CD とデプロイ戦略", "移行事例大会", "SaaS 開発の裏側",
        "モバイルとフロントエンド", "災害対策と可用性", "FinOps 入門", "新人エンジニア歓迎会", "LT 大会",
    };

    private static final String[] SERVICES = {
        "Lambda", "ECS", "EKS", "Fargate", "Step Functions", "DynamoDB", "Aurora", "S3", "CloudFront",
        "API Gateway", "EventBridge", "Bedrock", "SageMaker", "IAM Identity Center", "CDK", "CloudFormation",
        "Amplify", "AppSync", "Athena", "Glue", "Redshift", "Kinesis", "IoT Core", "GuardDuty", "Security Hub",
        "Control Tower", "Systems Manager", "CloudWatch", "X-Ray", "Transit Gateway",
    };

    private static final String[] LT_TEMPLATES = {
        "%sで社内の面倒な作業を自動化してみた", "5分でわかる%s", "%sを1年運用して分かったこと", "%sでハマった3つの罠",
        "はじめての%s", "%sのコストを半分にした話", "%s × %s で作る小さな仕組み", "%s 推しの私が語る推しポイント",
        "%s をチームに布教した話", "新人が%sに入門してみた",
    };

    private static final String[] COMPANIES = {
        "株式会社クモノス", "ヤマネコ運輸株式会社", "合同会社ハコニワ", "株式会社ミナトデータ", "さくらんぼ製菓株式会社",
        "株式会社ツバメ物流", "北斗システム株式会社", "株式会社シーサーラボ", "あおぞら信用金庫", "株式会社コトノハ出版",
        "みどり野市役所", "株式会社ひまわりヘルスケア",
    };

    private static final String[] VENUE_STEMS = {
        "イノベーションハブ", "テックラウンジ", "コワーキングスペース ソラ", "クラウドベース", "ITビジネスプラザ", "シティラボ",
    };

    private static final String[] BARS = {"居酒屋 くもの巣", "ダイニング らむだ", "酒場 はこにわ", "炉端 みなと"};

    private DemoTexts() {
    }

    static String studyTitle(Spec spec, int number, SplittableRandom random) {
        String theme = pick(THEMES, random);
        return random.nextBoolean()
                ? spec.name() + " 第" + number + "回勉強会「" + theme + "」"
                : spec.name() + " #" + number + " " + theme;
    }

    static String onlineTitle(Spec spec, int number, boolean lunch, SplittableRandom random) {
        return spec.name() + (lunch ? " ランチタイム LT #" : " オンライン #") + number + " " + pick(THEMES, random);
    }

    static String bigEventTitle(LocalDate date) {
        return "JAWS DAYS " + date.getYear();
    }

    static String afterPartyTitle(String studyTitle) {
        return studyTitle + " 懇親会";
    }

    static String description(DemoPlan.EventKind kind, Spec spec) {
        switch (kind) {
            case BIG_EVENT:
                return "全国の JAWS-UG 支部が集まる年に一度のお祭りです。基調講演、事例セッション、LT、展示ブース、"
                        + "そして夜は全国の仲間との懇親会。ハッシュタグ #jawsdays で感想をぜひ発信してください。";
            case AFTER_PARTY:
                return "勉強会のあとの懇親会です。登壇者や運営とゆっくり話せる場なので、はじめての方もお気軽にどうぞ。";
            case ONLINE:
                return spec.name() + " のオンライン勉強会です。配信 URL は参加者への連絡でお知らせします。"
                        + "感想はハッシュタグ #" + spec.hashtag() + " で。ブログ書くまでが勉強会！";
            default:
                return spec.name() + " の定例勉強会です。AWS の最新アップデート、ユーザー企業の事例紹介、LT の三本立て。"
                        + "終了後は懇親会もあります。ブログ書くまでが勉強会！ハッシュタグは #" + spec.hashtag() + " です。";
        }
    }

    static String venue(Spec spec, SplittableRandom random) {
        return spec.city() + " " + pick(VENUE_STEMS, random);
    }

    static String bar(Spec spec, SplittableRandom random) {
        return pick(BARS, random) + " " + spec.city().replaceAll("(市|区)$", "") + "店";
    }

    static String address(Spec spec, SplittableRandom random) {
        return spec.prefecture().japaneseName() + spec.city() + (1 + random.nextInt(5)) + "-" + (1 + random.nextInt(20))
                + "-" + (1 + random.nextInt(15));
    }

    static String updateTitle(LocalDate date, SplittableRandom random) {
        return random.nextBoolean()
                ? "AWS 最新アップデート " + date.getMonthValue() + "月号"
                : pick(SERVICES, random) + " 関連アップデート紹介";
    }

    static String caseStudyTitle(SplittableRandom random) {
        return pick(COMPANIES, random) + "における " + pick(SERVICES, random) + " 導入事例";
    }

    static String lightningTalkTitle(SplittableRandom random) {
        String template = pick(LT_TEMPLATES, random);
        return template.contains("%s × %s")
                ? String.format(template, pick(SERVICES, random), pick(SERVICES, random))
                : String.format(template, pick(SERVICES, random));
    }

    static String keynoteTitle(LocalDate date) {
        return "基調講演: コミュニティと歩んだ " + date.getYear() + " 年のクラウド";
    }

    private static String pick(String[] values, SplittableRandom random) {
        return values[random.nextInt(values.length)];
    }
}
