//! The words of the about / method page.

use super::Lang;

/// A heading and its paragraphs.
pub struct Section {
    pub id: &'static str,
    pub heading: &'static str,
    pub paragraphs: Vec<&'static str>,
}

pub fn about_sections(lang: Lang) -> Vec<Section> {
    let s = |id, heading: (&'static str, &'static str), paragraphs: Vec<(&'static str, &'static str)>| Section {
        id,
        heading: lang.of(heading.0, heading.1),
        paragraphs: paragraphs.into_iter().map(|(zh, en)| lang.of(zh, en)).collect(),
    };
    vec![
        s("plan", ("规划与本站", "The plan and this site"), vec![
            ("《甘肃省“十四五”生态环境保护规划》由甘肃省人民政府办公厅于2021年12月印发，规划基准年为2020年，规划期为2021—2025年。本站把规划中能够跟踪的目标逐项列出，配上2020年基准、目标值和此后每年公开发布的数值。",
             "The Gansu 14th Five-Year Eco-Environmental Protection Plan was issued by the General Office of the provincial government in December 2021. Its base year is 2020 and it covers 2021–2025. This site lists every goal of the plan that can be tracked, with its 2020 baseline, its target and every value published since."),
            ("规划全文来自一份网络转载（炉具网），未找到政府网站上的原文地址；转载不含“主要指标表”。表中数字只见于2021年12月21日省生态环境厅的政策解读，而该解读也只找到一份转载副本。部分目标来自相关专项规划（碳达峰实施方案、林草规划等），页面上会注明。",
             "The plan's full text was found only as a reprint (on lujuwang), with no copy on a government site, and the reprint leaves out the main indicator table. The table's figures are known only from the provincial department's policy briefing of 21 December 2021, itself found only as a reprint. Some targets come from related provincial plans (carbon peaking, forestry); the pages say so."),
        ]),
        s("status", ("状态怎么判断", "How a status is judged"), vec![
            ("先看最新一年的数值是否已经在目标范围内（例如不高于上限、不低于下限）。在范围内就是“已达标”；如果目标年份（或之后）的数值不在范围内，就是“未达标”。",
             "First: is the latest year's value within the target (at or below a ceiling, at or above a floor)? If so, the target is met. If the target year's (or a later) value is not, the target is missed."),
            ("还没达标时，比较两种速度：从2020年基准到最新一年，实际每年变化了多少；要在目标年份达标，每年需要变化多少。实际速度达到所需速度的95%以上为“进展顺利”，60%到95%为“需要加快”，0到60%或朝反方向变化为“进展落后”。这是国际上可持续发展目标（SDG）进展网站通用的方法（加拿大统计局采用、源自欧盟统计局）。规划期已于2025年结束：2025年数值已公布的目标，结论是“已达标”或“未达标”；2025年数值尚未找到的，状态按最近一年的公开数值判断，标为“暂定”，并写明所据年份，如“暂定：进展落后（据2024年）”。",
             "If not yet met, two paces are compared: how much the value actually changed per year from the 2020 baseline to the latest year, and how much it must change per year to reach the target in time. At 95% of the needed pace or more the goal is on track; 60–95% needs to speed up; below 60%, or moving the wrong way, is off track. This is the method used by national SDG progress sites (Statistics Canada's, after Eurostat's). The plan period ended in 2025: a goal whose 2025 figure is published is met or missed; where no 2025 figure has been found yet, the status rests on the latest year published, is marked provisional, and names that year, as in “Provisional: Off track (2024 figure)”."),
            ("“保持在某值以上/以下”的目标，如果2020年已经在范围内，就逐年看是否仍在范围内。五年累计目标（如减排量）比较“已完成的比例”和“已过去的时间比例”，至少要有两个年度的数值才判断；单一年份就超过五年累计目标的数值记为“数据存疑”，不算达标。",
             "For “keep at least / at most” targets that 2020 already met, each year is judged in or out of range. Five-year cumulative targets (such as emission cuts) compare the share of the total reached with the share of the period gone, from two years' figures on; a single year larger than the whole five-year total is marked as a data doubt, not as the target met."),
            ("只用规划期内、与目标同一口径的全年数值（或某一时点的存量读数）。非全年数值、近似指标、其他口径和备选数值都会显示，但不用来判断。口径变了（例如国考断面从38个变为74个）就不跨口径计算速度。",
             "Only full-year values (or readings of a level at a date) from the plan period, on the target's basis, are used. Part-year values, proxies, other bases and alternative figures are shown but never used. Where the basis changed (such as 38 to 74 national monitoring sections), no pace is computed across the change."),
            ("无法判断的情况：目标是文字承诺；只有近似指标或非全年数值；基准与最新数值口径不同；最新数值只是“以上”之类的范围。这时页面只说明已知数值和无法判断的原因，不给出“达到了/还没有”的结论。暂无数据：规划期内还没有任何公开数值。页面上的“状态是怎么算出来的”会列出每一步计算，最后一步就是状态本身。",
             "A goal is not assessable when its target is in words only, when only proxies or part-year figures exist, when the baseline and the latest value are on different bases, or when the latest figure is only a bound such as “at least”. The page then gives what is known and why it cannot be judged, and no yes-or-no answer. No data: nothing has been published for the plan period. Each indicator page shows every step of the arithmetic, the last step being the status itself."),
        ]),
        s("finished", ("规划期结束之后", "After the plan period"), vec![
            ("每项指标写明它的数值通常在哪里、在次年什么时候公布（例如《甘肃省生态环境状况公报》一般在6月初）。如果按这个时间，下一年的数值本该已经公布，而本站更新时仍未找到，页面和卡片会写出“逾期未见”和应公布的日期。",
             "Each indicator says where and when its yearly figure usually appears (the Gansu State of the Environment Bulletin, for example, in early June of the following year). When the next year's figure should have appeared by then and had not been found when the site was updated, the page and its card say it is overdue, with the day it was due."),
            ("以文字表述的目标（如“基本淘汰国三及以下排放标准汽车”）没有可以比较的数字。本站引用政府公开发布的说法：最新一条称已全部完成的，标为“政府报告：已完成”；称正在推进或只完成一部分的，标为“政府报告：推进中”；找不到的，标为“未找到政府报告”。每条说法都附原文和来源。这是政府自己的说法，不是独立的测量，不计入“已达标”。",
             "Goals set in words (such as phasing out China III vehicles) have no number to compare. The site quotes what the government has published about them: if the newest statement says the whole commitment is done, “Government reports: done”; if it reports work under way or only part done, “Government reports: in progress”; if none was found, “No government report found”. Each statement is quoted with its source. This is the government's own account, not an independent measurement, and it is never counted as met."),
        ]),
        s("trend", ("变化趋势", "Trends"), vec![
            ("不论有没有目标，卡片上还会写出从最早一个可比数值（通常是2020年基准）到最新一年是在改善、变化不大还是在变差，并写明这两个年份，如“2020→2024：在改善”；口径不同的数值不放在一起比较。百分比指标每年变化不到0.5个百分点、其他指标每年变化不到1%，记为“变化不大”。",
             "With or without a target, cards also say whether a value is improving, changing little or getting worse from its first comparable value (usually the 2020 baseline) to the latest year, naming both years, as in “2020→2024: improving”; values on different bases are never compared. Less than 0.5 percentage points a year for percentages, or less than 1% a year for other figures, counts as little change."),
        ]),
        s("tiers", ("来源的可信度", "How far each source can be trusted"), vec![
            ("官方文件：政府或人大网站上的文件原文。官方媒体：新华社、人民日报、甘肃日报、中国甘肃网等对官方发布的报道。非官方转载：在其他网站上找到的副本，页面注明原发布者和转载网站；已知会在内容中插入无关文字的转载网站不提供链接，并说明原因。",
             "Official document: the document itself on a government or legislature site. Official media: state and provincial media (Xinhua, People's Daily, Gansu Daily, gscn.com.cn…) reporting an official release. Unofficial reprint: a copy found on another site; the page names the original publisher and the site. Sites known to insert unrelated content into what they copy are not linked, and the page says why."),
            ("两个来源给出不同数字时两者都保留，并说明图表用的是哪一个、为什么。未公开的数值一律留空，不估算、不插值。",
             "Where two sources disagree, both are kept, with which one the chart uses and why. A value nobody published stays empty: nothing is estimated or interpolated."),
        ]),
        s("licence", ("许可与引用", "Licence and citing"), vec![
            ("本站整理的数据以知识共享署名4.0（CC BY 4.0）许可发布，可自由转载和再利用，请注明出处；原始数字的权利归各发布机构。网站代码以MIT许可发布。",
             "The data as compiled here is published under Creative Commons Attribution 4.0 (CC BY 4.0): reuse it freely with attribution. The original figures belong to their publishers. The site's code is under the MIT licence."),
        ]),
    ]
}
