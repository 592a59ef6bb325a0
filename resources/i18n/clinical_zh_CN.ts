<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>GradingView</name>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="352"/>
        <source>CRS grade %1</source>
        <translation>CRS %1 级</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="360"/>
        <source>Total: %1 / 10</source>
        <translation>总分：%1 / 10</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="361"/>
        <source>ICE %1/10: ICANS grade %2 by this domain</source>
        <translation>ICE %1/10：按此项 ICANS 为 %2 级</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="388"/>
        <source>ICANS grade %1</source>
        <translation>ICANS %1 级</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="407"/>
        <source>Copied to the clipboard.</source>
        <translation>已复制到剪贴板。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="431"/>
        <source>No related articles in this knowledge base.</source>
        <translation>此知识库中没有相关文章。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="434"/>
        <source>English only</source>
        <translation>仅有英文版</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="436"/>
        <source>for clinicians</source>
        <translation>面向临床医生</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="436"/>
        <source>for patients</source>
        <translation>面向患者</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="448"/>
        <source>Grading: ASTCT consensus</source>
        <translation>分级：ASTCT 共识</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="450"/>
        <source>CRS and ICANS grades after immune effector cell therapy, by the ASTCT consensus. ICE and ICANS grading here are for adults and children over 12. The grade updates as you fill in the form; the findings that set it are listed beside it.</source>
        <translation>按 ASTCT 共识对免疫效应细胞治疗后的 CRS 和 ICANS 分级。此处的 ICE 和 ICANS 分级适用于成人及 12 岁以上儿童。填写表单时分级即时更新，决定分级的表现列在右侧。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="453"/>
        <source>CRS grade</source>
        <translation>CRS 分级</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="454"/>
        <source>ICE score</source>
        <translation>ICE 评分</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="455"/>
        <source>ICANS grade</source>
        <translation>ICANS 分级</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="456"/>
        <source>Grading tools</source>
        <translation>分级工具</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="458"/>
        <source>CRS findings</source>
        <translation>CRS 表现</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="459"/>
        <source>&amp;Temperature:</source>
        <translation>体温(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="460"/>
        <source>Temperature in degrees Celsius</source>
        <translation>体温（摄氏度）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="461"/>
        <source>Fever is a temperature of 38 °C or more.</source>
        <translation>发热指体温 ≥ 38 °C。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="462"/>
        <source>Fever &amp;masked by treatment</source>
        <translation>发热被治疗掩盖(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="463"/>
        <source>Fever masked by antipyretic or anti-cytokine treatment</source>
        <translation>发热被退热药或抗细胞因子治疗掩盖</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="465"/>
        <source>Antipyretic or anti-cytokine treatment (e.g. tocilizumab, steroids) was given: fever is no longer required and hypotension and hypoxia set the grade.</source>
        <translation>已使用退热药或抗细胞因子治疗（如托珠单抗、糖皮质激素）：不再要求发热，按低血压和低氧分级。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="467"/>
        <source>&amp;Hypotension:</source>
        <translation>低血压(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="468"/>
        <source>Hypotension</source>
        <translation>低血压</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="469"/>
        <source>&amp;Oxygen need (hypoxia):</source>
        <translation>吸氧需求（低氧）(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="470"/>
        <source>Oxygen need for hypoxia</source>
        <translation>低氧的吸氧需求</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="472"/>
        <location filename="../../desktop/ui/views/grading_view.py" line="478"/>
        <location filename="../../desktop/ui/views/grading_view.py" line="519"/>
        <location filename="../../desktop/ui/views/grading_view.py" line="524"/>
        <location filename="../../desktop/ui/views/grading_view.py" line="528"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="473"/>
        <source>Not requiring vasopressors</source>
        <translation>无需升压药</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="474"/>
        <source>One vasopressor (with or without vasopressin)</source>
        <translation>一种升压药（无论是否联用血管升压素）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="475"/>
        <source>Multiple vasopressors (excluding vasopressin)</source>
        <translation>多种升压药（血管升压素除外）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="479"/>
        <source>Low-flow nasal cannula (≤ 6 L/min) or blow-by</source>
        <translation>低流量鼻导管（≤ 6 L/min）或面前吹氧</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="480"/>
        <source>High-flow nasal cannula (&gt; 6 L/min), facemask, non-rebreather or Venturi mask</source>
        <translation>高流量鼻导管（&gt; 6 L/min）、面罩、非重复呼吸面罩或文丘里面罩</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="481"/>
        <source>Positive pressure (CPAP, BiPAP, intubation and mechanical ventilation)</source>
        <translation>正压通气（CPAP、BiPAP、气管插管和机械通气）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="484"/>
        <source>ICE tasks (points scored)</source>
        <translation>ICE 各项（得分）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="486"/>
        <source>&amp;Orientation: year, month, city, hospital</source>
        <translation>定向力(&amp;O)：年、月、城市、医院</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="486"/>
        <source>Orientation points, 0 to 4</source>
        <translation>定向力得分，0 至 4</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="487"/>
        <source>&amp;Naming: 3 objects (e.g. watch, pen, button)</source>
        <translation>命名(&amp;N)：3 个物品（如手表、笔、纽扣）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="487"/>
        <source>Naming points, 0 to 3</source>
        <translation>命名得分，0 至 3</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="488"/>
        <source>&amp;Following commands (e.g. &quot;show me 2 fingers&quot;)</source>
        <translation>执行指令(&amp;F)（如“伸出 2 根手指”）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="488"/>
        <source>Following commands point, 0 or 1</source>
        <translation>执行指令得分，0 或 1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="489"/>
        <source>&amp;Writing a standard sentence</source>
        <translation>书写一个标准句子(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="489"/>
        <source>Writing point, 0 or 1</source>
        <translation>书写得分，0 或 1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="490"/>
        <source>&amp;Attention: count back from 100 by 10</source>
        <translation>注意力(&amp;A)：从 100 开始每次减 10 倒数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="490"/>
        <source>Attention point, 0 or 1</source>
        <translation>注意力得分，0 或 1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="496"/>
        <source>ICANS findings</source>
        <translation>ICANS 表现</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="497"/>
        <source>&amp;ICE score:</source>
        <translation>ICE 评分(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="498"/>
        <source>ICE score, 0 to 10</source>
        <translation>ICE 评分，0 至 10</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="499"/>
        <source>&amp;Use the score from the ICE tab</source>
        <translation>使用 ICE 标签页的评分(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="500"/>
        <source>Use the score from the ICE tab</source>
        <translation>使用 ICE 标签页的评分</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="501"/>
        <source>U&amp;narousable: cannot perform the ICE</source>
        <translation>无法唤醒，无法完成 ICE(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="502"/>
        <source>Unarousable and unable to perform the ICE</source>
        <translation>无法唤醒且无法完成 ICE</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="503"/>
        <source>&amp;Consciousness:</source>
        <translation>意识水平(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="504"/>
        <source>Level of consciousness</source>
        <translation>意识水平</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="505"/>
        <source>&amp;Seizure:</source>
        <translation>癫痫发作(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="506"/>
        <source>Seizure</source>
        <translation>癫痫发作</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="507"/>
        <source>&amp;Motor findings:</source>
        <translation>运动表现(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="508"/>
        <source>Motor findings</source>
        <translation>运动表现</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="509"/>
        <source>Raised ICP / cerebral &amp;oedema:</source>
        <translation>颅内压升高/脑水肿(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="510"/>
        <source>Raised intracranial pressure or cerebral oedema</source>
        <translation>颅内压升高或脑水肿</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="512"/>
        <source>Awake and alert (no finding)</source>
        <translation>清醒（无异常）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="513"/>
        <source>Awakens spontaneously</source>
        <translation>可自行觉醒</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="514"/>
        <source>Awakens to voice</source>
        <translation>声音可唤醒</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="515"/>
        <source>Awakens only to tactile stimulus</source>
        <translation>仅触觉刺激可唤醒</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="516"/>
        <source>Unarousable or needs vigorous/repeated tactile stimuli; stupor or coma</source>
        <translation>无法唤醒或需强烈/反复触觉刺激才能唤醒；木僵或昏迷</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="520"/>
        <source>Clinical seizure resolving rapidly, or non-convulsive on EEG resolving with intervention</source>
        <translation>迅速缓解的临床发作，或经干预后缓解的脑电图非惊厥性发作</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="521"/>
        <source>Prolonged (&gt; 5 min) or repetitive without return to baseline</source>
        <translation>持续（&gt; 5 分钟）或反复发作且间期未恢复至基线</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="525"/>
        <source>Deep focal motor weakness (hemiparesis, paraparesis)</source>
        <translation>深部局灶性运动无力（偏瘫、截瘫）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="529"/>
        <source>Focal/local oedema on neuroimaging</source>
        <translation>神经影像示局灶性/局部水肿</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="530"/>
        <source>Diffuse oedema, posturing, cranial nerve VI palsy, papilloedema or Cushing&apos;s triad</source>
        <translation>弥漫性水肿、异常姿势、第 VI 对脑神经麻痹、视乳头水肿或库欣三联征</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="533"/>
        <source>Source:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="535"/>
        <source>Why this grade</source>
        <translation>分级依据</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="536"/>
        <location filename="../../desktop/ui/views/grading_view.py" line="542"/>
        <source>Chart note</source>
        <translation>病历记录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="537"/>
        <source>Cop&amp;y summary</source>
        <translation>复制摘要(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="538"/>
        <source>Copy the chart note to the clipboard</source>
        <translation>将病历记录复制到剪贴板</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="539"/>
        <source>Management pointers in this reference</source>
        <translation>本参考中的处理要点</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="540"/>
        <source>Grade</source>
        <translation>分级</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="541"/>
        <source>Findings that set the grade</source>
        <translation>决定分级的表现</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="543"/>
        <source>Related articles</source>
        <translation>相关文章</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/grading_view.py" line="544"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
</context>
</TS>
