<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ClinicalTools</name>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
</context>
<context>
    <name>GradingView</name>
    <message>
        <source>CRS grade %1</source>
        <translation>CRS %1 级</translation>
    </message>
    <message>
        <source>Total: %1 / 10</source>
        <translation>总分：%1 / 10</translation>
    </message>
    <message>
        <source>ICE %1/10: ICANS grade %2 by this domain</source>
        <translation>ICE %1/10：按此项 ICANS 为 %2 级</translation>
    </message>
    <message>
        <source>ICANS grade %1</source>
        <translation>ICANS %1 级</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>已复制到剪贴板。</translation>
    </message>
    <message>
        <source>No related articles in this knowledge base.</source>
        <translation>此知识库中没有相关文章。</translation>
    </message>
    <message>
        <source>English only</source>
        <translation>仅有英文版</translation>
    </message>
    <message>
        <source>for clinicians</source>
        <translation>面向临床医生</translation>
    </message>
    <message>
        <source>for patients</source>
        <translation>面向患者</translation>
    </message>
    <message>
        <source>Grading: ASTCT consensus</source>
        <translation>分级：ASTCT 共识</translation>
    </message>
    <message>
        <source>CRS and ICANS grades after immune effector cell therapy, by the ASTCT consensus. ICE and ICANS grading here are for adults and children over 12. The grade updates as you fill in the form; the findings that set it are listed beside it.</source>
        <translation>按 ASTCT 共识对免疫效应细胞治疗后的 CRS 和 ICANS 分级。此处的 ICE 和 ICANS 分级适用于成人及 12 岁以上儿童。填写表单时分级即时更新，决定分级的表现列在右侧。</translation>
    </message>
    <message>
        <source>CRS grade</source>
        <translation>CRS 分级</translation>
    </message>
    <message>
        <source>ICE score</source>
        <translation>ICE 评分</translation>
    </message>
    <message>
        <source>ICANS grade</source>
        <translation>ICANS 分级</translation>
    </message>
    <message>
        <source>Infections</source>
        <translation>感染预防</translation>
    </message>
    <message>
        <source>Grading tools</source>
        <translation>分级工具</translation>
    </message>
    <message>
        <source>CRS findings</source>
        <translation>CRS 表现</translation>
    </message>
    <message>
        <source>&amp;Temperature:</source>
        <translation>体温(&amp;T)：</translation>
    </message>
    <message>
        <source>Temperature in degrees Celsius</source>
        <translation>体温（摄氏度）</translation>
    </message>
    <message>
        <source>Fever is a temperature of 38 °C or more.</source>
        <translation>发热指体温 ≥ 38 °C。</translation>
    </message>
    <message>
        <source>Fever &amp;masked by treatment</source>
        <translation>发热被治疗掩盖(&amp;M)</translation>
    </message>
    <message>
        <source>Fever masked by antipyretic or anti-cytokine treatment</source>
        <translation>发热被退热药或抗细胞因子治疗掩盖</translation>
    </message>
    <message>
        <source>CRS was already diagnosed and antipyretic or anti-cytokine treatment (e.g. tocilizumab, steroids) was then given: fever is no longer required and hypotension and hypoxia set the grade.</source>
        <translation>已诊断 CRS，随后使用了退热药或抗细胞因子治疗（如托珠单抗、糖皮质激素）：不再要求发热，按低血压和低氧分级。</translation>
    </message>
    <message>
        <source>CRS already &amp;diagnosed before that treatment</source>
        <translation>该治疗前已诊断 CRS(&amp;D)</translation>
    </message>
    <message>
        <source>CRS already diagnosed before the antipyretic or anti-cytokine treatment</source>
        <translation>在退热药或抗细胞因子治疗前已诊断 CRS</translation>
    </message>
    <message>
        <source>Hypotension / hypoxia &amp;not attributable to another cause</source>
        <translation>低血压 / 低氧不能归因于其他原因(&amp;N)</translation>
    </message>
    <message>
        <source>Confirm that hypotension and hypoxia are not attributable to another cause</source>
        <translation>确认低血压和低氧不能归因于其他原因</translation>
    </message>
    <message>
        <source>Hypotension and hypoxia count as CRS only when not attributable to another cause; until you confirm, no grade above 1 is assigned. Enter a finding with another cause as none.</source>
        <translation>低血压和低氧只有在不能归因于其他原因时才计为 CRS；确认之前不给出高于 1 级的分级。有其他原因的表现请填为“无”。</translation>
    </message>
    <message>
        <source>Hypot&amp;ension:</source>
        <translation>低血压(&amp;E)：</translation>
    </message>
    <message>
        <source>Hypotension</source>
        <translation>低血压</translation>
    </message>
    <message>
        <source>&amp;Oxygen need (hypoxia):</source>
        <translation>吸氧需求（低氧）(&amp;O)：</translation>
    </message>
    <message>
        <source>Oxygen need for hypoxia</source>
        <translation>低氧的吸氧需求</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Not requiring vasopressors</source>
        <translation>无需升压药</translation>
    </message>
    <message>
        <source>One vasopressor (with or without vasopressin)</source>
        <translation>一种升压药（无论是否联用血管升压素）</translation>
    </message>
    <message>
        <source>Multiple vasopressors (excluding vasopressin)</source>
        <translation>多种升压药（血管升压素除外）</translation>
    </message>
    <message>
        <source>Low-flow nasal cannula (≤ 6 L/min) or blow-by</source>
        <translation>低流量鼻导管（≤ 6 L/min）或面前吹氧</translation>
    </message>
    <message>
        <source>High-flow nasal cannula (&gt; 6 L/min), facemask, non-rebreather or Venturi mask</source>
        <translation>高流量鼻导管（&gt; 6 L/min）、面罩、非重复呼吸面罩或文丘里面罩</translation>
    </message>
    <message>
        <source>Positive pressure (CPAP, BiPAP, intubation and mechanical ventilation)</source>
        <translation>正压通气（CPAP、BiPAP、气管插管和机械通气）</translation>
    </message>
    <message>
        <source>ICE tasks (points scored)</source>
        <translation>ICE 各项（得分）</translation>
    </message>
    <message>
        <source>&amp;Orientation: year, month, city, hospital</source>
        <translation>定向力(&amp;O)：年、月、城市、医院</translation>
    </message>
    <message>
        <source>Orientation points, 0 to 4</source>
        <translation>定向力得分，0 至 4</translation>
    </message>
    <message>
        <source>&amp;Naming: 3 objects (e.g. watch, pen, button)</source>
        <translation>命名(&amp;N)：3 个物品（如手表、笔、纽扣）</translation>
    </message>
    <message>
        <source>Naming points, 0 to 3</source>
        <translation>命名得分，0 至 3</translation>
    </message>
    <message>
        <source>Following &amp;commands (e.g. &quot;show me 2 fingers&quot;)</source>
        <translation>执行指令(&amp;C)（如“伸出 2 根手指”）</translation>
    </message>
    <message>
        <source>Following commands point, 0 or 1</source>
        <translation>执行指令得分，0 或 1</translation>
    </message>
    <message>
        <source>&amp;Writing a standard sentence</source>
        <translation>书写一个标准句子(&amp;W)</translation>
    </message>
    <message>
        <source>Writing point, 0 or 1</source>
        <translation>书写得分，0 或 1</translation>
    </message>
    <message>
        <source>&amp;Attention: count back from 100 by 10</source>
        <translation>注意力(&amp;A)：从 100 开始每次减 10 倒数</translation>
    </message>
    <message>
        <source>Attention point, 0 or 1</source>
        <translation>注意力得分，0 或 1</translation>
    </message>
    <message>
        <source>ICANS findings</source>
        <translation>ICANS 表现</translation>
    </message>
    <message>
        <source>&amp;ICE score:</source>
        <translation>ICE 评分(&amp;I)：</translation>
    </message>
    <message>
        <source>ICE score, 0 to 10</source>
        <translation>ICE 评分，0 至 10</translation>
    </message>
    <message>
        <source>&amp;Use the score from the ICE tab</source>
        <translation>使用 ICE 标签页的评分(&amp;U)</translation>
    </message>
    <message>
        <source>Use the score from the ICE tab</source>
        <translation>使用 ICE 标签页的评分</translation>
    </message>
    <message>
        <source>U&amp;narousable: cannot perform the ICE</source>
        <translation>无法唤醒，无法完成 ICE(&amp;N)</translation>
    </message>
    <message>
        <source>Unarousable and unable to perform the ICE</source>
        <translation>无法唤醒且无法完成 ICE</translation>
    </message>
    <message>
        <source>&amp;Consciousness:</source>
        <translation>意识水平(&amp;C)：</translation>
    </message>
    <message>
        <source>Level of consciousness</source>
        <translation>意识水平</translation>
    </message>
    <message>
        <source>&amp;Seizure:</source>
        <translation>癫痫发作(&amp;S)：</translation>
    </message>
    <message>
        <source>Seizure</source>
        <translation>癫痫发作</translation>
    </message>
    <message>
        <source>&amp;Motor findings:</source>
        <translation>运动表现(&amp;M)：</translation>
    </message>
    <message>
        <source>Motor findings</source>
        <translation>运动表现</translation>
    </message>
    <message>
        <source>Raised ICP / cerebral &amp;oedema:</source>
        <translation>颅内压升高/脑水肿(&amp;E)：</translation>
    </message>
    <message>
        <source>Raised intracranial pressure or cerebral oedema</source>
        <translation>颅内压升高或脑水肿</translation>
    </message>
    <message>
        <source>Awake and alert (no finding)</source>
        <translation>清醒（无异常）</translation>
    </message>
    <message>
        <source>Awakens spontaneously</source>
        <translation>可自行觉醒</translation>
    </message>
    <message>
        <source>Awakens to voice</source>
        <translation>声音可唤醒</translation>
    </message>
    <message>
        <source>Awakens only to tactile stimulus</source>
        <translation>仅触觉刺激可唤醒</translation>
    </message>
    <message>
        <source>Unarousable or needs vigorous/repeated tactile stimuli; stupor or coma</source>
        <translation>无法唤醒或需强烈/反复触觉刺激才能唤醒；木僵或昏迷</translation>
    </message>
    <message>
        <source>Clinical seizure resolving rapidly, or non-convulsive on EEG resolving with intervention</source>
        <translation>迅速缓解的临床发作，或经干预后缓解的脑电图非惊厥性发作</translation>
    </message>
    <message>
        <source>Prolonged (&gt; 5 min) or repetitive without return to baseline</source>
        <translation>持续（&gt; 5 分钟）或反复发作且间期未恢复至基线</translation>
    </message>
    <message>
        <source>Deep focal motor weakness (hemiparesis, paraparesis)</source>
        <translation>深部局灶性运动无力（偏瘫、截瘫）</translation>
    </message>
    <message>
        <source>Focal/local oedema on neuroimaging</source>
        <translation>神经影像示局灶性/局部水肿</translation>
    </message>
    <message>
        <source>Diffuse oedema, posturing, cranial nerve VI palsy, papilloedema or Cushing&apos;s triad</source>
        <translation>弥漫性水肿、异常姿势、第 VI 对脑神经麻痹、视乳头水肿或库欣三联征</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <source>Why this grade</source>
        <translation>分级依据</translation>
    </message>
    <message>
        <source>Chart note</source>
        <translation>病历记录</translation>
    </message>
    <message>
        <source>Cop&amp;y summary</source>
        <translation>复制摘要(&amp;Y)</translation>
    </message>
    <message>
        <source>Copy the chart note to the clipboard</source>
        <translation>将病历记录复制到剪贴板</translation>
    </message>
    <message>
        <source>Management pointers in this reference</source>
        <translation>本参考中的处理要点</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>分级</translation>
    </message>
    <message>
        <source>Findings that set the grade</source>
        <translation>决定分级的表现</translation>
    </message>
    <message>
        <source>Related articles</source>
        <translation>相关文章</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Tocilizumab</source>
        <translation>托珠单抗</translation>
    </message>
    <message>
        <source>CRS grade not assigned</source>
        <translation>CRS 未分级</translation>
    </message>
    <message>
        <source>Management pathway</source>
        <translation>处理路径</translation>
    </message>
    <message>
        <source>ICAHT counts</source>
        <translation>ICAHT 血细胞计数</translation>
    </message>
    <message>
        <source>CAR-HEMATOTOX</source>
        <translation>CAR-HEMATOTOX</translation>
    </message>
    <message>
        <source>BCMA neuro watch</source>
        <translation>BCMA 神经毒性观察</translation>
    </message>
    <message>
        <source>Emergency handover</source>
        <translation>急诊交接单</translation>
    </message>
</context>
<context>
    <name>HandoverTab</name>
    <message>
        <source>Emergency handover (printed in English and Chinese)</source>
        <translation>急诊交接（以中英文打印）</translation>
    </message>
    <message>
        <source>Other product</source>
        <translation>其他产品</translation>
    </message>
    <message>
        <source>&amp;Product:</source>
        <translation>产品(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Infusion date:</source>
        <translation>输注日期(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Today:</source>
        <translation>今天(&amp;T)：</translation>
    </message>
    <message>
        <source>Tocilizumab doses (when, mg; blank: taken from the Tocilizumab tab):</source>
        <translation>托珠单抗给药（时间、剂量 mg；留空则取自托珠单抗页）：</translation>
    </message>
    <message>
        <source>&amp;Steroid exposure:</source>
        <translation>糖皮质激素使用(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Counts trend:</source>
        <translation>血细胞计数趋势(&amp;C)：</translation>
    </message>
    <message>
        <source>P&amp;rophylaxis:</source>
        <translation>预防用药(&amp;R)：</translation>
    </message>
    <message>
        <source>Treating c&amp;entre:</source>
        <translation>治疗中心(&amp;E)：</translation>
    </message>
    <message>
        <source>Centre ph&amp;one (24 h; printed as a QR code):</source>
        <translation>中心电话（24 小时；打印为二维码）(&amp;O)：</translation>
    </message>
    <message>
        <source>Save handover sheet (PDF)…</source>
        <translation>保存交接单（PDF）…</translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation>%1 小时前</translation>
    </message>
    <message>
        <source>Save handover sheet</source>
        <translation>保存交接单</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>HematotoxTab</name>
    <message>
        <source>Unit conversion (to the paper&apos;s units)</source>
        <translation>单位换算（换算为文献所用单位）</translation>
    </message>
    <message>
        <source>ANC:</source>
        <translation>ANC：</translation>
    </message>
    <message>
        <source>Haemoglobin:</source>
        <translation>血红蛋白：</translation>
    </message>
    <message>
        <source>CRP:</source>
        <translation>CRP：</translation>
    </message>
    <message>
        <source>Ferritin:</source>
        <translation>铁蛋白：</translation>
    </message>
    <message>
        <source>Score already worked out from the paper&apos;s own figure (risk split only):</source>
        <translation>已按文献原图算出的评分（仅作风险分层）：</translation>
    </message>
    <message>
        <source>Score %1: %2 risk (HT-low 0-1, HT-high 2 or more; myeloma validation, J Hematol Oncol 2023).</source>
        <translation>评分 %1：%2风险（HT 低危 0–1，HT 高危 ≥2；骨髓瘤验证研究，J Hematol Oncol 2023）。</translation>
    </message>
    <message>
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <source>low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>No score calculated</source>
        <translation>未计算评分</translation>
    </message>
    <message>
        <source>Sources:</source>
        <translation>来源：</translation>
    </message>
</context>
<context>
    <name>IcahtTab</name>
    <message>
        <source>The N-ICAHT grade (EHA/EBMT consensus, Rejeski et al., Blood 2023) is not given: its Table 1 was not read in the primary text. ANC days are classed by the thresholds read (≤ 500 and ≤ 100/µL, Rejeski 2021 Table 2); platelets are graded by the T-ICAHT table. Missing days are not filled in.</source>
        <translation>不给出 N-ICAHT 分级（EHA/EBMT 共识，Rejeski 等，Blood 2023）：其表 1 未在原文中核读。ANC 天数按已核读的阈值分类（≤ 500 和 ≤ 100/µL，Rejeski 2021 表 2）；血小板按 T-ICAHT 表分级。缺失的天数不作填补。</translation>
    </message>
    <message>
        <source>Count log</source>
        <translation>血细胞计数记录</translation>
    </message>
    <message>
        <source>One line per day: day,anc,plt (ANC per µL or ×10⁹/L as chosen below; platelets ×10⁹/L). Day 0 is the infusion.</source>
        <translation>每天一行：day,anc,plt（ANC 单位按下方选择为 /µL 或 ×10⁹/L；血小板 ×10⁹/L）。第 0 天为输注日。</translation>
    </message>
    <message>
        <source>&amp;Load CSV…</source>
        <translation>载入 CSV(&amp;L)…</translation>
    </message>
    <message>
        <source>Count log as CSV</source>
        <translation>CSV 格式的计数记录</translation>
    </message>
    <message>
        <source>ANC per µL</source>
        <translation>ANC（/µL）</translation>
    </message>
    <message>
        <source>ANC ×10⁹/L</source>
        <translation>ANC（×10⁹/L）</translation>
    </message>
    <message>
        <source>ICAHT &amp;risk profile:</source>
        <translation>ICAHT 风险分层(&amp;R)：</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Load counts</source>
        <translation>载入计数</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Early phase (day 0-30)</source>
        <translation>早期（第 0–30 天）</translation>
    </message>
    <message>
        <source>Late phase (after day 30)</source>
        <translation>晚期（第 30 天后）</translation>
    </message>
    <message>
        <source>T-ICAHT grade %1 (day 0-30)</source>
        <translation>T-ICAHT %1 级（第 0–30 天）</translation>
    </message>
    <message>
        <source>T-ICAHT grade %1 (day 31-100)</source>
        <translation>T-ICAHT %1 级（第 31–100 天）</translation>
    </message>
    <message>
        <source>Management for the last logged day (EHA/EBMT consensus, Table 3):</source>
        <translation>最后记录日的处理（EHA/EBMT 共识，表 3）：</translation>
    </message>
    <message>
        <source>Sources:</source>
        <translation>来源：</translation>
    </message>
</context>
<context>
    <name>InfectionsTab</name>
    <message>
        <source>Infection prophylaxis and immune recovery</source>
        <translation>感染预防与免疫恢复</translation>
    </message>
    <message>
        <source>d </source>
        <comment>prefix of a day number after the infusion</comment>
        <translation>D</translation>
    </message>
    <message>
        <source>&amp;Lymphodepletion (first day):</source>
        <translation>清淋化疗首日(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Infusion date:</source>
        <translation>输注日期(&amp;I)：</translation>
    </message>
    <message>
        <source>CAR-HEMATOTOX &amp;risk:</source>
        <translation>CAR-HEMATOTOX 风险(&amp;R)：</translation>
    </message>
    <message>
        <source>H&amp;BV (HBsAg, HBcAb or HBV DNA):</source>
        <translation>乙肝(&amp;B)（HBsAg、HBcAb 或 HBV DNA）：</translation>
    </message>
    <message>
        <source>&amp;Steroid days so far:</source>
        <translation>至今激素使用天数(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Edition:</source>
        <translation>版本(&amp;E)：</translation>
    </message>
    <message>
        <source>Prior bone-marrow (stem-cell) transplant</source>
        <translation>既往骨髓（造血干细胞）移植</translation>
    </message>
    <message>
        <source>ANC on day:</source>
        <translation>当日 ANC（第几天）：</translation>
    </message>
    <message>
        <source>Latest IgG:</source>
        <translation>最近一次 IgG：</translation>
    </message>
    <message>
        <source>Recurrent sinopulmonary infections; weight for IVIG:</source>
        <translation>反复鼻窦/肺部感染；IVIG 按体重：</translation>
    </message>
    <message>
        <source>Save plan (&amp;PDF)…</source>
        <translation>保存计划（&amp;PDF）…</translation>
    </message>
    <message>
        <source>Save infection plan</source>
        <translation>保存感染预防计划</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>NeuroWatchTab</name>
    <message>
        <source>Today&apos;s check (cilta-cel and other BCMA products)</source>
        <translation>今日检查（西达基奥仑赛及其他 BCMA 产品）</translation>
    </message>
    <message>
        <source>&amp;Days since infusion:</source>
        <translation>输注后天数(&amp;D)：</translation>
    </message>
    <message>
        <source>Temperature measured:</source>
        <translation>已测体温：</translation>
    </message>
    <message>
        <source>CALL NOW: the care team or emergency help</source>
        <translation>立即联系：治疗团队或急救</translation>
    </message>
    <message>
        <source>No call-now sign entered</source>
        <translation>未填写需立即联系的征象</translation>
    </message>
    <message>
        <source>Sources:</source>
        <translation>来源：</translation>
    </message>
</context>
<context>
    <name>PathwayTab</name>
    <message>
        <source>Grades now</source>
        <translation>当前分级</translation>
    </message>
    <message>
        <source>&amp;CRS grade (ASTCT):</source>
        <translation>CRS 分级（ASTCT）(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;ICANS grade (ASTCT):</source>
        <translation>ICANS 分级（ASTCT）(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Site protocol (shown first; remembered):</source>
        <translation>本单位方案（优先显示；会记住）(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Product:</source>
        <translation>产品(&amp;P)：</translation>
    </message>
    <message>
        <source>High-risk product or patient (ICANS grade 2)</source>
        <translation>高风险产品或患者（ICANS 2 级）</translation>
    </message>
    <message>
        <source>ICANS grade 3 or more persisting</source>
        <translation>ICANS 3 级及以上持续</translation>
    </message>
    <message>
        <source>Weight for mg/kg doses:</source>
        <translation>按 mg/kg 计算剂量的体重：</translation>
    </message>
    <message>
        <source>ASCO 2021 guideline</source>
        <translation>ASCO 2021 指南</translation>
    </message>
    <message>
        <source>NCCN v2.2026 (secondary copy)</source>
        <translation>NCCN v2.2026（二手副本）</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Save bedside flo&amp;w sheet (PDF)…</source>
        <translation>保存床旁流程单(&amp;W)（PDF）…</translation>
    </message>
    <message>
        <source>Patient: ____________________  Product: __________  Infusion date: __________  Day: ____  Time: ______  Signed: __________</source>
        <translation>患者：____________________  产品：__________  输注日期：__________  第 ____ 天  时间：______  签名：__________</translation>
    </message>
    <message>
        <source>CRS / ICANS management flow sheet</source>
        <translation>CRS / ICANS 处理流程单</translation>
    </message>
    <message>
        <source>CRS grade %1</source>
        <translation>CRS %1 级</translation>
    </message>
    <message>
        <source>ICANS grade %1</source>
        <translation>ICANS %1 级</translation>
    </message>
    <message>
        <source>Sources:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <source>Save flow sheet</source>
        <translation>保存流程单</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>CRS grade 0 and ICANS grade 0: no management pathway.</source>
        <translation>CRS 0 级且 ICANS 0 级：无需处理路径。</translation>
    </message>
    <message>
        <source>read in the primary text</source>
        <translation>已核读原文</translation>
    </message>
    <message>
        <source>secondary copy: verify</source>
        <translation>二手副本：请核实</translation>
    </message>
    <message>
        <source>product label</source>
        <translation>产品说明书</translation>
    </message>
    <message>
        <source>Only rows read in each source are shown; where a row was not read, the column says so. Local protocols and the product label take precedence.</source>
        <translation>仅显示各来源中已核读的内容；未核读之处在该栏注明。以本单位方案和产品说明书为准。</translation>
    </message>
</context>
<context>
    <name>TemperatureBox</name>
    <message>
        <source>{0} °F converted to {1} °C.</source>
        <translation>已将 {0} °F 换算为 {1} °C。</translation>
    </message>
    <message>
        <source>“{0}” is not a temperature in °C ({1}–{2}) or °F ({3}–{4}); the previous value is kept.</source>
        <translation>“{0}”不是有效的摄氏温度（{1}–{2}）或华氏温度（{3}–{4}），已保留之前的数值。</translation>
    </message>
</context>
<context>
    <name>TocilizumabTab</name>
    <message>
        <source>Tocilizumab for CRS</source>
        <translation>托珠单抗治疗 CRS</translation>
    </message>
    <message>
        <source>&amp;Weight:</source>
        <translation>体重(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Doses already given:</source>
        <translation>已给剂数(&amp;D)：</translation>
    </message>
    <message>
        <source>Ho&amp;urs since the last dose:</source>
        <translation>距上一剂小时数(&amp;U)：</translation>
    </message>
    <message>
        <source>Dose &amp;times, hours ago (e.g. 24, 16, 8; checks the 3-in-24-hours limit):</source>
        <translation>各剂给药时间，距今小时数（如 24, 16, 8；用于核对 24 小时 3 剂限制）(&amp;T)：</translation>
    </message>
    <message>
        <source>Body weight in kilograms</source>
        <translation>体重（千克）</translation>
    </message>
    <message>
        <source>Tocilizumab doses already given</source>
        <translation>已给托珠单抗剂数</translation>
    </message>
    <message>
        <source>Hours since the last dose</source>
        <translation>距上一剂小时数</translation>
    </message>
    <message>
        <source>Hours before now of each earlier dose</source>
        <translation>此前各剂距今小时数</translation>
    </message>
    <message>
        <source>No dose from this calculator</source>
        <translation>本计算器不给出剂量</translation>
    </message>
    <message>
        <source>%1 mg IV over 1 hour: may be given now</source>
        <translation>%1 mg 静脉输注 1 小时：现在可以给药</translation>
    </message>
    <message>
        <source>%1 mg: not now</source>
        <translation>%1 mg：现在不可给药</translation>
    </message>
    <message>
        <source>Sources:</source>
        <translation>来源：</translation>
    </message>
</context>
</TS>
